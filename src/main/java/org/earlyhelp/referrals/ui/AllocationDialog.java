package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.referrals.Candidate;
import org.earlyhelp.referrals.HubQueue;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;

/**
 * Allocating a request: the lead practitioner from the hub's team (those at their capacity shown
 * but not choosable) and the team around the family, with what is wrong said next to each.
 */
class AllocationDialog extends Dialog {

    /**
     * @param afterSaving what the queue does once the request is allocated (draw itself again, move focus)
     * @param refresh what the queue does when someone else changed the request meanwhile
     */
    AllocationDialog(HubQueue queue, RequestSummary summary, Runnable afterSaving, Runnable refresh) {
        List<Candidate> candidates = queue.candidates(summary.hub());
        List<HubMember> team = queue.teamOf(summary.hub());
        setHeaderTitle(t("allocate.title", summary.familyLabel()));
        setWidth("min(40rem, 95vw)");
        RadioButtonGroup<Candidate> lead = new RadioButtonGroup<>(t("allocate.lead"));
        lead.setItems(candidates);
        lead.setItemLabelGenerator(
                c -> t("allocate.candidate", c.displayName(), c.organisationName(), c.caseload(), c.capacity()));
        lead.setItemEnabledProvider(Candidate::hasRoom);
        lead.setHelperText(t("allocate.lead-help"));
        lead.setId("allocate-lead");
        CheckboxGroup<HubMember> around = new CheckboxGroup<>(t("allocate.team"));
        around.setItems(team.stream().filter(m -> !m.hubLead()).toList());
        around.setItemLabelGenerator(m -> m.displayName() + " (" + m.organisationName() + ")");
        around.setHelperText(t("allocate.team-help"));
        around.setId("allocate-team");
        Button save = new Button(t("allocate.save"), e -> {
            try {
                queue.allocate(
                        summary.id(),
                        summary.version(),
                        lead.getValue() == null ? null : lead.getValue().username(),
                        around.getValue().stream()
                                .map(HubMember::username)
                                .collect(Collectors.toCollection(HashSet::new)));
                close();
                Notification.show(t("allocate.saved"), 4000, Notification.Position.BOTTOM_START);
                afterSaving.run();
            } catch (ValidationException invalid) {
                Texts.show(Words.of(invalid), Map.of("lead", lead, "team", around));
            } catch (ChangedBySomeoneElseException changed) {
                lead.setInvalid(true);
                lead.setErrorMessage(Words.of(changed));
                refresh.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-allocation");
        add(lead, around);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
