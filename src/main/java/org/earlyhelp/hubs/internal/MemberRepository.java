package org.earlyhelp.hubs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hub members in the {@code hubs} schema. */
@Repository
public class MemberRepository {

    private static final String SELECT = """
            SELECT m.hub_id, m.username, m.display_name, m.organisation_id, o.name AS organisation_name,
                   m.capacity, m.hub_lead, m.safeguarding_lead, m.version
            FROM hubs.member m JOIN hubs.organisation o ON o.id = m.organisation_id""";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HubMember> findByHub(HubId hub) {
        return jdbc.sql(SELECT + " WHERE m.hub_id = ? ORDER BY m.hub_lead DESC, m.display_name")
                .param(hub.value())
                .query(MemberRepository::member)
                .list();
    }

    /** The cases the hub's people (or everyone's, with no hub) can lead between them. */
    public int capacity(@Nullable HubId hub) {
        return jdbc.sql(
                        "SELECT coalesce(sum(capacity), 0) FROM hubs.member WHERE CAST(? AS TEXT) IS NULL OR hub_id = ?")
                .params(new Object[] {hub == null ? null : hub.value(), hub == null ? null : hub.value()})
                .query(Integer.class)
                .single();
    }

    public List<HubMember> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE m.username = ? ORDER BY m.hub_id")
                .param(username)
                .query(MemberRepository::member)
                .list();
    }

    /** Adds a member unless they are already in the hub (demonstration data). */
    public void insertIfAbsent(HubMember m) {
        insert(m);
    }

    /** Adds a member; returns false when they are already in the hub. */
    public boolean insert(HubMember m) {
        return jdbc.sql("""
                                INSERT INTO hubs.member (hub_id, username, display_name, organisation_id, capacity, hub_lead,
                                  safeguarding_lead) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                m.hub().value(),
                                m.username(),
                                m.displayName(),
                                m.organisation().value(),
                                m.capacity(),
                                m.hubLead(),
                                m.safeguardingLead())
                        .update()
                == 1;
    }

    /** Removes a member if still at the version given; returns whether it did. */
    /**
     * The hub's safeguarding leads' user names, locked until the transaction ends, so that two
     * people cannot each remove one of the last two at once.
     */
    public List<String> lockSafeguardingLeads(HubId hub) {
        return jdbc.sql(
                        "SELECT username FROM hubs.member WHERE hub_id = ? AND safeguarding_lead ORDER BY username FOR UPDATE")
                .param(hub.value())
                .query(String.class)
                .list();
    }

    public boolean delete(HubId hub, String username, int version) {
        return jdbc.sql("DELETE FROM hubs.member WHERE hub_id = ? AND username = ? AND version = ?")
                        .params(hub.value(), username, version)
                        .update()
                == 1;
    }

    /** Sets capacity if the member is still at the version given; returns whether it did. */
    public boolean setCapacity(HubId hub, String username, int capacity, int version) {
        return jdbc.sql("""
                                UPDATE hubs.member SET capacity = ?, version = version + 1
                                WHERE hub_id = ? AND username = ? AND version = ?""").params(capacity, hub.value(), username, version).update() == 1;
    }

    private static HubMember member(ResultSet rs, int row) throws SQLException {
        return new HubMember(
                new HubId(rs.getString("hub_id")),
                rs.getString("username"),
                rs.getString("display_name"),
                new OrganisationId(rs.getString("organisation_id")),
                rs.getString("organisation_name"),
                rs.getInt("capacity"),
                rs.getBoolean("hub_lead"),
                rs.getBoolean("safeguarding_lead"),
                rs.getInt("version"));
    }
}
