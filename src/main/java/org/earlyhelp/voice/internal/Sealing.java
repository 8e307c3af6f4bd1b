package org.earlyhelp.voice.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Seals what must not be read casually (a pseudonymous young person's name, how to reach them)
 * with AES-256-GCM (Spring Security Crypto), under a key held outside the database. Keys have ids,
 * so that they can be rotated: the first key listed seals; every key listed can open; a sealed
 * value says which key sealed it ({@code v1:<key id>:<base64 of nonce and ciphertext>}). Values
 * from before sealing (plain text) are read as they are, and sealed at the next start.
 */
public final class Sealing {

    private static final String PREFIX = "v1:";

    /** The development key, published with the code: the production profile refuses it. */
    public static final String DEVELOPMENT_KEYS = "dev:ZWFybHloZWxwLWRldmVsb3BtZW50LWtleS0zMmJ5dGU=";

    private final String currentId;
    private final Map<String, AesBytesEncryptor> encryptors = new LinkedHashMap<>();

    /**
     * @param keys {@code id:base64,id:base64}: each a 256-bit key; the first seals
     */
    public Sealing(String keys) {
        String first = null;
        for (String entry : keys.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("A sealing key is written id:base64 (earlyhelp.voice.sealing-keys)");
            }
            String id = trimmed.substring(0, colon);
            byte[] key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            if (key.length != 32) {
                throw new IllegalArgumentException(
                        "Sealing key " + id + " must be 256 bits (32 bytes), not " + key.length);
            }
            SecretKey secret = new SecretKeySpec(key, "AES");
            encryptors.put(
                    id,
                    new AesBytesEncryptor(
                            secret, KeyGenerators.secureRandom(12), AesBytesEncryptor.CipherAlgorithm.GCM));
            if (first == null) {
                first = id;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("No sealing key is set (earlyhelp.voice.sealing-keys)");
        }
        this.currentId = first;
    }

    /** The id of the key that seals now. */
    public String currentKey() {
        return currentId;
    }

    public @Nullable String seal(@Nullable String plain) {
        if (plain == null) {
            return null;
        }
        byte[] sealed = encryptors.get(currentId).encrypt(plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX + currentId + ":" + Base64.getEncoder().encodeToString(sealed);
    }

    /** Opens a sealed value; a value from before sealing is returned as it is. */
    public @Nullable String open(@Nullable String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String id = stored.substring(PREFIX.length(), colon);
        AesBytesEncryptor encryptor = encryptors.get(id);
        if (encryptor == null) {
            throw new IllegalStateException("This value was sealed with key " + id + ", which is no longer configured:"
                    + " add it back to earlyhelp.voice.sealing-keys until every value is sealed again");
        }
        return new String(
                encryptor.decrypt(Base64.getDecoder().decode(stored.substring(colon + 1))), StandardCharsets.UTF_8);
    }

    /** Whether the value needs sealing again: plain text, or sealed with a key other than the current one. */
    public boolean stale(@Nullable String stored) {
        return stored != null && !stored.startsWith(PREFIX + currentId + ":");
    }
}
