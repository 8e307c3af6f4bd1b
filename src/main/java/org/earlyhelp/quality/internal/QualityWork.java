package org.earlyhelp.quality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.quality.AuditStage;
import org.earlyhelp.quality.CaseAudit;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.work.AssignedTask;
import org.earlyhelp.shared.work.AssignedWork;
import org.earlyhelp.shared.work.WaitingItem;
import org.earlyhelp.shared.work.WaitingWork;
import org.springframework.stereotype.Component;

/**
 * A person's case file audit tasks for "My work" and the home page: cases to audit, audits to
 * reflect on or moderate, and the audits' actions they own, each with its due date.
 */
@Component
class QualityWork implements AssignedWork, WaitingWork {

    private final CaseAuditRepository audits;
    private final Clock clock;

    QualityWork(CaseAuditRepository audits, Clock clock) {
        this.audits = audits;
        this.clock = clock;
    }

    @Override
    public List<AssignedTask> assignedTo(CurrentUser user) {
        if (!user.has(Role.PRACTITIONER) && !user.has(Role.HUB_LEAD)) {
            return List.of();
        }
        LocalDate today = WorkingCalendar.today(clock);
        List<AssignedTask> tasks = new ArrayList<>();
        for (CaseAudit a : audits.waitingFor(user.username())) {
            String key = switch (a.stage()) {
                case AUDIT -> "quality.work.audit";
                case REFLECTION -> "quality.work.reflect";
                case MODERATION -> "quality.work.moderate";
                case DONE -> "";
            };
            if (a.stage() != AuditStage.DONE) {
                tasks.add(new AssignedTask(
                        key, List.of(a.caseReference()), a.dueOn(), a.overdue(today), "quality/audits/" + a.id()));
            }
        }
        for (Map.Entry<UUID, CaseAudit.Action> e : audits.openActionsOf(user.username())) {
            CaseAudit.Action action = e.getValue();
            tasks.add(new AssignedTask(
                    "quality.work.action",
                    List.of(action.action()),
                    action.dueOn(),
                    action.overdue(today),
                    "quality/audits/" + e.getKey()));
        }
        tasks.sort(Comparator.comparing(AssignedTask::due));
        return tasks;
    }

    @Override
    public List<WaitingItem> waitingFor(CurrentUser user) {
        List<AssignedTask> tasks = assignedTo(user);
        return tasks.isEmpty() ? List.of() : List.of(new WaitingItem("quality.home.tasks", tasks.size(), "my-work"));
    }
}
