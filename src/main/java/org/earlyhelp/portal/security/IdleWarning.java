package org.earlyhelp.portal.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import org.earlyhelp.shared.ui.Notices;

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
        Button stay = new Button(ui.getTranslation("idle.warning.stay"));
        stay.setId("idle-stay");
        Notices.open(
                ui,
                ID,
                ui.getTranslation("idle.warning.title"),
                new Paragraph(ui.getTranslation("idle.warning.text", unused.toMinutes())),
                stay);
    }
}
