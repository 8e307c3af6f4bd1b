package org.earlyhelp.hubs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Locale;
import java.util.function.Consumer;
import org.earlyhelp.hubs.HubAdministration;
import org.earlyhelp.hubs.HubStatus;
import org.earlyhelp.hubs.HubTotals;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;

/**
 * Changing a hub's status. {@code after} is told {@code true} once the status is saved, and
 * {@code false} when someone else changed the hub meanwhile (the dialog then stays open, saying
 * so, and the page shows the hub as it is now).
 */
final class HubStatusDialog extends Dialog {

    HubStatusDialog(HubAdministration administration, HubTotals totals, Consumer<Boolean> after) {
        setHeaderTitle(getTranslation("hubs.change-status-of", totals.hub().name()));
        RadioButtonGroup<HubStatus> status = new RadioButtonGroup<>(getTranslation("hubs.status"));
        status.setItems(HubStatus.values());
        status.setItemLabelGenerator(
                s -> getTranslation("hubs.status." + s.name().toLowerCase(Locale.ROOT)));
        status.setValue(totals.hub().status());
        status.setId("hub-status");
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                administration.setStatus(totals.hub(), status.getValue(), totals.version());
                close();
                after.accept(true);
            } catch (ChangedBySomeoneElseException ex) {
                status.setInvalid(true);
                status.setErrorMessage(Words.of(ex));
                after.accept(false);
            } catch (ValidationException invalid) {
                status.setInvalid(true);
                status.setErrorMessage(Words.of(invalid).get("status"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-status");
        add(status);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        open();
    }
}
