package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.UUID;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.voice.Invitations;

/**
 * The button that closes an invitation's code before its day, once confirmed: on the invitations
 * page and beside a flood on the alerts page. Its accessible name begins with its visible words.
 */
final class CodeClosing {

    private CodeClosing() {}

    /** {@code closed} runs once the code is closed, to draw the page again. */
    static Button button(Invitations invitations, UUID invitation, String label, Runnable closed) {
        UI ui = UI.getCurrent();
        Button close = new Button(
                ui.getTranslation("voice.invitations.close"),
                e -> Confirmations.ask(
                        ui.getTranslation("voice.invitations.close-title", label),
                        ui.getTranslation("voice.invitations.close-confirm"),
                        ui.getTranslation("voice.invitations.close"),
                        () -> {
                            invitations.close(invitation);
                            closed.run();
                        }));
        close.addClassName("close-code");
        close.setAriaLabel(ui.getTranslation("voice.invitations.close-named", label));
        return close;
    }
}
