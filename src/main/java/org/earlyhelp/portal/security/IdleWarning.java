package org.earlyhelp.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;

/**
 * Says, a few minutes before a page left unused is signed out, that it will be and what is lost
 * (anything not saved), with one button to stay signed in. Pressing it, or anything else on the
 * page, is use and so keeps the person signed in; opening this dialog is not.
 */
final class IdleWarning {

    static final String ID = "idle-warning";

    private IdleWarning() {}

    /** Opens the warning, unless it is open already. */
    static void open(UI ui, Duration unused) {
        if (ui.getChildren()
                .anyMatch(c -> c instanceof Dialog d && ID.equals(d.getId().orElse(null)))) {
            return;
        }
        Dialog warning = new Dialog();
        warning.setId(ID);
        warning.setHeaderTitle(ui.getTranslation("idle.warning.title"));
        warning.add(new Paragraph(ui.getTranslation("idle.warning.text", unused.toMinutes())));
        Button stay = new Button(ui.getTranslation("idle.warning.stay"), click -> warning.close());
        stay.setId("idle-stay");
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        warning.getFooter().add(stay);
        warning.addOpenedChangeListener(opened -> {
            if (!opened.isOpened()) {
                ui.remove(warning);
            }
        });
        ui.add(warning);
        warning.open();
        stay.focus();
    }
}
