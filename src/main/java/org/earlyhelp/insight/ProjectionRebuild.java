package org.earlyhelp.insight;

import org.earlyhelp.insight.internal.ArchivedEvents;
import org.earlyhelp.insight.internal.Projections;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the dashboard's read models from scratch: empties them, then applies again, in the
 * order they were published, every event their listener has completed (kept in the event
 * registry's archive, ADR 0002). Events still waiting are applied when they are delivered.
 */
@Service
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final String LISTENER = "org.earlyhelp.insight.internal.JourneyListener%";

    private final ArchivedEvents archive;
    private final Projections projections;
    private final CurrentUsers currentUsers;
    private final ObjectMapper json = JsonMapper.builder().build();

    ProjectionRebuild(ArchivedEvents archive, Projections projections, CurrentUsers currentUsers) {
        this.archive = archive;
        this.projections = projections;
        this.currentUsers = currentUsers;
    }

    /** Rebuilds every read model; returns how many events were applied. Administrators only. */
    @Transactional
    public long rebuild() {
        currentUsers.requireAnyOf(Role.ADMIN);
        projections.clear();
        long[] applied = {0};
        archive.forEachOf(LISTENER, (type, serialized) -> {
            apply(type, serialized);
            applied[0]++;
        });
        log.info("Rebuilt the insight read models from {} archived events", applied[0]);
        return applied[0];
    }

    private void apply(String type, String serialized) {
        Object event;
        try {
            event = json.readValue(serialized, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("An archived event of unknown type " + type, e);
        }
        projections.apply(event);
    }
}
