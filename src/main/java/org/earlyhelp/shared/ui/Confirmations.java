package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before something that cannot be undone: a dialog that says what will happen, with Cancel
 * and a red button naming the action, which alone does it. The first focus is on Cancel.
 */
public final class Confirmations {

    private Confirmations() {}

    /** Opens the dialog; {@code then} runs only if the person confirms. */
    public static ConfirmDialog ask(String header, String text, String confirmText, Runnable then) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(UI.getCurrent().getTranslation("action.cancel"));
        confirm.setConfirmText(confirmText);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(c -> then.run());
        focusCancel(confirm);
        confirm.open();
        return confirm;
    }

    /**
     * Puts the first focus on Cancel when the dialog opens, not on the button that acts (Vaadin's
     * own choice): Enter or Space pressed at once, or twice by mistake, then undoes nothing. Call
     * before opening a dialog that has Cancel.
     */
    public static void focusCancel(ConfirmDialog confirm) {
        // Vaadin focuses the confirm button when its overlay reports "vaadin-overlay-open", first on
        // the overlay and then again on the body: a listener on the body runs after it.
        confirm.getElement().executeJs("""
                const dialog = this;
                const toCancel = e => {
                  if (e.detail && e.detail.overlay && e.detail.overlay.owner === dialog) {
                    document.body.removeEventListener('vaadin-overlay-open', toCancel);
                    const cancel = dialog.querySelector(':scope > [slot="cancel-button"]');
                    if (cancel) cancel.focus();
                  }
                };
                document.body.addEventListener('vaadin-overlay-open', toCancel);""");
    }
}
