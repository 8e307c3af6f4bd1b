package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubTeams;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;

/** A hub's team: who works in it, for which organisation, and how many cases each can lead. */
@View
@Route("hub/team")
@Menu(order = 20, title = "menu.hub-team")
@RolesAllowed({Role.HUB_LEAD_AUTHORITY, Role.ADMIN_AUTHORITY})
class HubTeamView extends Page {

    private final transient HubTeams teams;
    private final ComboBox<Hub> hub = Data.mark(new ComboBox<>());
    private final Grid<HubMember> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    HubTeamView(HubTeams teams, HubDirectory directory, CurrentUsers currentUsers) {
        super("");
        this.teams = teams;
        setHeading(getTranslation("hubs.team.title"));
        CurrentUser user = currentUsers.require();
        List<Hub> hubs =
                directory.hubs().stream().filter(h -> user.worksIn(h.id())).toList();
        hub.setLabel(getTranslation("hubs.hub"));
        hub.setItems(hubs);
        hub.setItemLabelGenerator(Hub::name);
        hub.setId("team-hub");
        hub.addValueChangeListener(e -> refresh());
        hub.setVisible(hubs.size() > 1);

        grid.addColumn(HubMember::displayName)
                .setHeader(getTranslation("hubs.team.name"))
                .setAutoWidth(true);
        grid.addColumn(HubMember::organisationName)
                .setHeader(getTranslation("hubs.team.organisation"))
                .setAutoWidth(true);
        grid.addColumn(this::roleText)
                .setHeader(getTranslation("hubs.team.role"))
                .setAutoWidth(true);
        grid.addColumn(HubMember::capacity)
                .setHeader(getTranslation("hubs.team.capacity"))
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(m -> {
                    Button change = new Button(getTranslation("hubs.team.change"), e -> openCapacity(m));
                    change.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    change.setAriaLabel(getTranslation("hubs.team.change-for", m.displayName()));
                    Button remove = new Button(getTranslation("hubs.team.remove"), e -> confirmRemove(m));
                    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    remove.setAriaLabel(getTranslation("hubs.team.remove-for", m.displayName()));
                    return new Span(change, remove);
                })
                .setHeader(getTranslation("hubs.team.actions"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("hubs.team.title"));
        grid.setId("team-grid");
        empty.setText(getTranslation("hubs.team.empty"));

        Button addMember = new Button(getTranslation("hubs.team.add"), e -> openAdd(directory));
        addMember.setId("add-member");
        add(new Paragraph(getTranslation("hubs.team.intro")), hub, addMember, grid, empty);
        if (!hubs.isEmpty()) {
            hub.setValue(hubs.getFirst());
        } else {
            grid.setVisible(false);
            empty.setText(getTranslation("hubs.team.no-hub"));
        }
    }

    private String roleText(HubMember m) {
        if (m.hubLead() && m.safeguardingLead()) {
            return getTranslation("hubs.team.lead-and-safeguarding");
        }
        if (m.hubLead()) {
            return getTranslation("hubs.team.lead");
        }
        if (m.safeguardingLead()) {
            return getTranslation("hubs.team.safeguarding");
        }
        return getTranslation("hubs.team.practitioner");
    }

    private void refresh() {
        if (hub.getValue() == null) {
            return;
        }
        List<HubMember> members = teams.team(hub.getValue().id());
        grid.setItems(members);
        grid.setVisible(!members.isEmpty());
        empty.setVisible(members.isEmpty());
    }

    private void confirmRemove(HubMember member) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("hubs.team.remove-title", member.displayName()));
        confirm.setText(getTranslation("hubs.team.remove-text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("hubs.team.remove"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                teams.remove(member);
            } catch (ChangedBySomeoneElseException ex) {
                Notification.show(Words.of(ex), 6000, Notification.Position.MIDDLE);
            } catch (ValidationException invalid) {
                Notification.show(Words.of(invalid).get("team"), 8000, Notification.Position.MIDDLE);
            }
            refresh();
            // The row and its buttons are gone: focus goes to the team's heading, not the page.
            Focus.afterDialog(heading());
        });
        Confirmations.focusCancel(confirm);
        confirm.open();
    }

    private void openAdd(HubDirectory directory) {
        if (hub.getValue() == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("hubs.team.add-to", hub.getValue().name()));
        dialog.setWidth("min(32rem, 95vw)");
        TextField username = new TextField(getTranslation("hubs.team.username"));
        username.setHelperText(getTranslation("hubs.team.username-help"));
        username.setId("member-username");
        TextField name = new TextField(getTranslation("hubs.team.name"));
        name.setId("member-name");
        ComboBox<Organisation> organisation = new ComboBox<>(getTranslation("hubs.team.organisation"));
        organisation.setItems(directory.organisations());
        organisation.setId("member-organisation");
        organisation.setItemLabelGenerator(Organisation::name);
        IntegerField capacity = new IntegerField(getTranslation("hubs.team.capacity"));
        capacity.setMin(0);
        capacity.setMax(HubTeams.MAX_CAPACITY);
        capacity.setValue(0);
        Checkbox lead = new Checkbox(getTranslation("hubs.team.lead"));
        Checkbox safeguarding = new Checkbox(getTranslation("hubs.team.safeguarding"));
        for (var field : List.of(username, name)) {
            field.setWidthFull();
        }
        organisation.setWidthFull();
        capacity.setWidthFull();
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                teams.add(
                        hub.getValue().id(),
                        username.getValue(),
                        name.getValue(),
                        organisation.getValue() == null
                                ? null
                                : organisation.getValue().id(),
                        capacity.getValue(),
                        lead.getValue(),
                        safeguarding.getValue());
                dialog.close();
                refresh();
            } catch (ValidationException invalid) {
                var problems = Words.of(invalid);
                username.setInvalid(problems.containsKey("username"));
                username.setErrorMessage(problems.get("username"));
                name.setInvalid(problems.containsKey("displayName"));
                name.setErrorMessage(problems.get("displayName"));
                organisation.setInvalid(problems.containsKey("organisation"));
                organisation.setErrorMessage(problems.get("organisation"));
                capacity.setInvalid(problems.containsKey("capacity"));
                capacity.setErrorMessage(problems.get("capacity"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-member");
        dialog.add(new VerticalLayout(username, name, organisation, capacity, lead, safeguarding));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void openCapacity(HubMember member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("hubs.team.capacity-of", member.displayName()));
        IntegerField capacity = new IntegerField(getTranslation("hubs.team.capacity"));
        capacity.setMin(0);
        capacity.setMax(HubTeams.MAX_CAPACITY);
        capacity.setStepButtonsVisible(true);
        capacity.setValue(member.capacity());
        capacity.setHelperText(getTranslation("hubs.team.capacity-help", HubTeams.MAX_CAPACITY));
        capacity.setId("capacity");
        Button save = new Button(getTranslation("action.save"), e -> {
            Integer value = capacity.getValue();
            if (value == null || value < 0 || value > HubTeams.MAX_CAPACITY) {
                capacity.setInvalid(true);
                capacity.setErrorMessage(getTranslation("hubs.team.capacity-invalid", HubTeams.MAX_CAPACITY));
                return;
            }
            try {
                teams.setCapacity(member, value);
                dialog.close();
                // The rows are drawn again, so the button that opened the dialog is gone.
                Focus.afterDialog(heading());
                Notification.show(getTranslation("hubs.team.saved"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ChangedBySomeoneElseException ex) {
                capacity.setInvalid(true);
                capacity.setErrorMessage(Words.of(ex));
            }
            refresh();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-capacity");
        Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
        capacity.setWidthFull();
        dialog.setWidth("min(26rem, 95vw)");
        dialog.add(capacity);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }
}
