package org.earlyhelp.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local accounts in the {@code identity} schema. */
@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT username, display_name, password_hash, roles, organisation_id, hub_ids, enabled"
                        + " FROM identity.account WHERE lower(username) = lower(?)")
                .param(username)
                .query(AccountRepository::account)
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM identity.account WHERE lower(username) = lower(?)")
                        .param(username)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Inserts the account unless one with the same name exists; returns whether it did. */
    public boolean insertIfAbsent(Account account) {
        return jdbc.sql("""
                                INSERT INTO identity.account
                                    (username, display_name, password_hash, roles, organisation_id, hub_ids, enabled)
                                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")
                        .params(
                                account.username(),
                                account.displayName(),
                                account.passwordHash(),
                                account.roles().stream()
                                        .map(Role::externalName)
                                        .sorted()
                                        .toArray(String[]::new),
                                account.organisation() == null
                                        ? null
                                        : account.organisation().value(),
                                account.hubs().stream()
                                        .map(HubId::value)
                                        .sorted()
                                        .toArray(String[]::new),
                                account.enabled())
                        .update()
                > 0;
    }

    /** Replaces an account's password hash, as made by the password encoder. */
    void updatePasswordHash(String username, String passwordHash) {
        jdbc.sql("UPDATE identity.account SET password_hash = ? WHERE lower(username) = lower(?)")
                .params(passwordHash, username)
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        String organisation = rs.getString("organisation_id");
        return new Account(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Arrays.stream((String[]) rs.getArray("roles").getArray())
                        .flatMap(r -> Role.fromName(r).stream())
                        .collect(Collectors.toSet()),
                organisation == null ? null : new OrganisationId(organisation),
                Arrays.stream((String[]) rs.getArray("hub_ids").getArray())
                        .map(HubId::new)
                        .collect(Collectors.toSet()),
                rs.getBoolean("enabled"));
    }
}
