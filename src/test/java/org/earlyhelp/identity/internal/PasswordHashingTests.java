package org.earlyhelp.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

/**
 * Local accounts' passwords are hashed with Argon2id within OWASP's recommendations, and a hash
 * made with older parameters is made again with the current ones when its owner signs in.
 */
@OwnDataApplicationTest
class PasswordHashingTests {

    /** OWASP's Password Storage Cheat Sheet: equivalent Argon2id sets, memory in KiB and passes, one lane. */
    private static final Map<Integer, Integer> OWASP = Map.of(47104, 1, 19456, 2, 12288, 3, 9216, 4, 7168, 5);

    @Autowired
    AccountRepository accounts;

    @Autowired
    AuthenticationConfiguration authentication;

    @Test
    void newHashesUseOneOfOwaspsArgon2idSets() {
        String hash = PasswordHashing.encoder().encode("a long pass phrase");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(OWASP).containsEntry(PasswordHashing.MEMORY_KIB, PasswordHashing.PASSES);
        assertThat(PasswordHashing.LANES).isEqualTo(1);
        assertThat(PasswordHashing.encoder().matches("a long pass phrase", hash))
                .isTrue();
        assertThat(PasswordHashing.encoder().matches("a long pass phrasE", hash))
                .isFalse();
    }

    @Test
    void aHashWithOlderParametersIsMadeAgainAtTheNextSignIn() throws Exception {
        String username = "rehash-" + UUID.randomUUID().toString().substring(0, 8);
        // As the demonstration accounts were hashed before: Spring Security's defaults, 16 MiB and 2 passes.
        String old = new DelegatingPasswordEncoder(
                        "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()))
                .encode("demo-early-help");
        assertThat(old).contains("m=16384,t=2,p=1");
        accounts.insertIfAbsent(new Account(
                username,
                "Rehash Test",
                old,
                Set.of(Role.PRACTITIONER),
                null,
                Set.of(new HubId("dudley-central")),
                true));

        authentication
                .getAuthenticationManager()
                .authenticate(new UsernamePasswordAuthenticationToken(username, "demo-early-help"));

        String now = accounts.findByUsername(username).orElseThrow().passwordHash();
        assertThat(now).startsWith("{argon2}$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(PasswordHashing.encoder().matches("demo-early-help", now)).isTrue();
        // And the person signs in with the new hash as before.
        assertThat(authentication
                        .getAuthenticationManager()
                        .authenticate(new UsernamePasswordAuthenticationToken(username, "demo-early-help"))
                        .isAuthenticated())
                .isTrue();
        assertThat(List.of(now)).doesNotContain(old);
    }
}
