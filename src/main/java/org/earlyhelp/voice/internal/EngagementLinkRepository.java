package org.earlyhelp.voice.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Listing;
import org.earlyhelp.voice.EngagementLink.Kind;
import org.earlyhelp.voice.EngagementLink.LinkedInvitation;
import org.earlyhelp.voice.EngagementLink.LinkedResponse;
import org.earlyhelp.voice.EngagementLink.Reach;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Response;
import org.earlyhelp.voice.ResponseStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which invitations and answers belong to which engagement. */
@Repository
public class EngagementLinkRepository {

    private final JdbcClient jdbc;

    EngagementLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String table(Kind kind) {
        return kind == Kind.INVITATION ? "voice.invitation" : "voice.response";
    }

    /** The hub of an invitation or answer, and whether it is one child's (a case's) invitation. */
    public record Item(HubId hub, boolean oneChild) {}

    public Optional<Item> item(Kind kind, UUID id) {
        String oneChild = kind == Kind.INVITATION ? "case_id IS NOT NULL" : "false";
        return jdbc.sql("SELECT hub_id, " + oneChild + " FROM " + table(kind) + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Item(new HubId(rs.getString(1)), rs.getBoolean(2)))
                .optional();
    }

    public void link(Kind kind, UUID id, @Nullable UUID engagement) {
        jdbc.sql("UPDATE " + table(kind) + " SET engagement_id = ? WHERE id = ?")
                .params(new Object[] {engagement, id})
                .update();
    }

    /**
     * The newest {@code most} invitations linked to the engagement, or (with {@code null}) the
     * newest unlinked ones of the hubs, and whether there are more.
     */
    public Listing<LinkedInvitation> invitations(@Nullable UUID engagement, List<HubId> hubs, int most) {
        String where = engagement == null
                ? "engagement_id IS NULL AND case_id IS NULL AND hub_id = ANY (?)"
                : "engagement_id = ?";
        Object param = engagement == null ? hubs.stream().map(HubId::value).toArray(String[]::new) : engagement;
        return Listing.of(
                jdbc.sql("SELECT id, label, kind, created_at, answers FROM voice.invitation WHERE " + where
                                + " ORDER BY created_at DESC, id LIMIT ?")
                        .params(param, most + 1)
                        .query((rs, n) -> new LinkedInvitation(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                InvitationKind.valueOf(rs.getString(3)),
                                rs.getTimestamp(4).toInstant(),
                                rs.getInt(5)))
                        .list(),
                most);
    }

    /**
     * The newest {@code most} answers linked to the engagement, or (with {@code null}) the newest
     * unlinked ones of the hubs, and whether there are more.
     */
    public Listing<LinkedResponse> responses(@Nullable UUID engagement, List<HubId> hubs, int most) {
        String where = engagement == null ? "engagement_id IS NULL AND hub_id = ANY (?)" : "engagement_id = ?";
        Object param = engagement == null ? hubs.stream().map(HubId::value).toArray(String[]::new) : engagement;
        return Listing.of(
                responses(" WHERE " + where + " ORDER BY created_at DESC, id LIMIT ?", param, most + 1), most);
    }

    /** Every answer linked to the engagement, the newest first: for the Lundy report. */
    public List<LinkedResponse> allResponses(UUID engagement) {
        return responses(" WHERE engagement_id = ? ORDER BY created_at DESC, id", engagement);
    }

    private List<LinkedResponse> responses(String whereAndOrder, Object... params) {
        return jdbc.sql("SELECT id, theme, you_said, status, we_did, published_at FROM voice.response" + whereAndOrder)
                .params(params)
                .query((rs, n) -> new LinkedResponse(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        ResponseStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** How many invitations and answers are linked to the engagement, and how many answered its invitations. */
    public Reach reach(UUID engagement) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM voice.invitation WHERE engagement_id = :e),
                               (SELECT coalesce(sum(answers), 0) FROM voice.invitation WHERE engagement_id = :e),
                               (SELECT count(*) FROM voice.response WHERE engagement_id = :e)""")
                .param("e", engagement)
                .query((rs, n) -> new Reach(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    /** Every hearing of the answers linked to the engagement, the earliest first. */
    public List<Response.Hearing> hearings(UUID engagement) {
        return jdbc.sql(HEARINGS)
                .param(engagement)
                .query((rs, n) -> hearing(rs))
                .list();
    }

    /** The same hearings by the answer they are of, each answer's the earliest first. */
    public Map<UUID, List<Response.Hearing>> hearingsByAnswer(UUID engagement) {
        Map<UUID, List<Response.Hearing>> hearings = new HashMap<>();
        jdbc.sql(HEARINGS)
                .param(engagement)
                .query((rs, n) -> hearings.computeIfAbsent(rs.getObject(4, UUID.class), k -> new ArrayList<>())
                        .add(hearing(rs)))
                .list();
        return hearings;
    }

    private static final String HEARINGS = """
            SELECT h.heard_by, h.heard_on, h.what_changed, h.response_id FROM voice.hearing h
            JOIN voice.response r ON r.id = h.response_id WHERE r.engagement_id = ? ORDER BY h.heard_on, h.id""";

    private static Response.Hearing hearing(ResultSet rs) throws SQLException {
        return new Response.Hearing(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3));
    }

    /** The topic of the engagement each of the hub's answers came of, by answer. */
    public Map<UUID, String> topicsOfResponses(HubId hub) {
        Map<UUID, String> topics = new HashMap<>();
        jdbc.sql("""
                        SELECT r.id, e.topic FROM voice.response r JOIN voice.engagement e ON e.id = r.engagement_id
                        WHERE r.hub_id = ?""")
                .param(hub.value())
                .query((rs, n) -> topics.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return topics;
    }

    /** Links the hub's group and campaign invitations made on or after the day, and its answers on the theme. */
    public void linkForDemonstration(UUID engagement, HubId hub, String theme) {
        jdbc.sql("UPDATE voice.invitation SET engagement_id = ? WHERE hub_id = ? AND case_id IS NULL")
                .params(engagement, hub.value())
                .update();
        jdbc.sql("UPDATE voice.response SET engagement_id = ? WHERE hub_id = ? AND theme = ?")
                .params(engagement, hub.value(), theme)
                .update();
    }
}
