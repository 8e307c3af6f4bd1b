package org.earlyhelp.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealed names: AES-GCM under a key outside the database, and rotating the key. */
class SealingTests {

    private static String key(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return id + ":" + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aSealedNameIsNotInTheStoredTextAndOpensWithItsKey() {
        Sealing sealing = new Sealing(key("k1"));
        String sealed = sealing.seal("Kayla");
        assertThat(sealed).startsWith("v1:k1:").doesNotContain("Kayla");
        assertThat(sealing.seal("Kayla")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(sealing.open(sealed)).isEqualTo("Kayla");
        assertThat(sealing.open("Plain from before")).isEqualTo("Plain from before");
        assertThat(sealing.stale("Plain from before")).isTrue();
        assertThat(sealing.stale(sealed)).isFalse();
    }

    @Test
    void tamperingWithASealedValueIsDetected() {
        Sealing sealing = new Sealing(key("k1"));
        String sealed = sealing.seal("Kayla");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);
        assertThatThrownBy(() -> sealing.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rotatingTheKeyKeepsOldValuesReadableUntilTheyAreSealedAgain() {
        String k1 = key("k1");
        String k2 = key("k2");
        Sealing before = new Sealing(k1);
        String old = before.seal("Kayla");

        // The new key first, the old one still listed: old values open, and are stale.
        Sealing rotating = new Sealing(k2 + "," + k1);
        assertThat(rotating.currentKey()).isEqualTo("k2");
        assertThat(rotating.open(old)).isEqualTo("Kayla");
        assertThat(rotating.stale(old)).isTrue();
        String resealed = rotating.seal(rotating.open(old));
        assertThat(resealed).startsWith("v1:k2:");

        // Once every value is sealed again, the old key can go.
        Sealing after = new Sealing(k2);
        assertThat(after.open(resealed)).isEqualTo("Kayla");
        assertThatThrownBy(() -> after.open(old))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k1");
    }

    @Test
    void aKeyMustBe256Bits() {
        assertThatThrownBy(() -> new Sealing("short:" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits");
    }
}
