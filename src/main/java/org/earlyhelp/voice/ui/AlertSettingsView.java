package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.SafeguardingAlerts;

/**
 * The borough's duty address, which safeguarding alerts that nobody in the hub acknowledged reach
 * last. Administrators.
 */
@View
@Route("admin/alerts")
@Menu(order = 93, title = "menu.alert-settings")
@RolesAllowed(Role.ADMIN_AUTHORITY)
class AlertSettingsView extends Page {

    private final transient SafeguardingAlerts alerts;
    private final EmailField address = new EmailField();
    private final Paragraph current = new Paragraph();
    private int version;

    AlertSettingsView(SafeguardingAlerts alerts) {
        super("");
        this.alerts = alerts;
        setHeading(getTranslation("voice.alert-settings.title"));
        add(new Paragraph(getTranslation("voice.alert-settings.intro")));
        current.setId("duty-current");
        address.setLabel(getTranslation("voice.alert-settings.address"));
        address.setId("duty-address");
        address.setWidth("min(30rem, 100%)");
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("duty-save");
        add(current, address, save);
        load();
    }

    private void load() {
        SafeguardingAlerts.DutyAddress duty = alerts.dutyAddress();
        version = duty.version();
        address.setValue(duty.address() == null ? "" : duty.address());
        current.setText(
                duty.address() == null
                        ? getTranslation("voice.alert-settings.none")
                        : getTranslation("voice.alert-settings.current", duty.address()));
    }

    private void save() {
        try {
            alerts.setDutyAddress(address.getValue(), version);
            address.setInvalid(false);
            Notification.show(getTranslation("voice.alert-settings.saved"), 4000, Notification.Position.MIDDLE);
            load();
        } catch (ValidationException invalid) {
            address.setInvalid(true);
            address.setErrorMessage(Words.of(invalid).get("address"));
        } catch (ChangedBySomeoneElseException changed) {
            Notification.show(Words.of(changed), 6000, Notification.Position.MIDDLE);
            load();
        }
    }
}
