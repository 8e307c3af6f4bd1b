package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before something that cannot be undone: a dialog that says what will happen, with Cancel
 * and a red button naming the action, which alone does it.
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
        confirm.open();
        return confirm;
    }
}
