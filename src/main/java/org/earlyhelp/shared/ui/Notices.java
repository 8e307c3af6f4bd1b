package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * Tells a person something they must not miss, over the page, without changing the page: a dialog
 * with a title, the words, and one button that closes it and has the focus.
 */
public final class Notices {

    private Notices() {}

    /** Opens the notice, unless one with this id is open already. */
    public static void open(UI ui, String id, String title, Component words, Button close) {
        if (ui.getChildren()
                .anyMatch(c -> c instanceof Dialog d && id.equals(d.getId().orElse(null)))) {
            return;
        }
        Dialog notice = new Dialog();
        notice.setId(id);
        notice.setHeaderTitle(title);
        notice.add(words);
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(click -> notice.close());
        notice.getFooter().add(close);
        notice.addOpenedChangeListener(opened -> {
            if (!opened.isOpened()) {
                ui.remove(notice);
            }
        });
        ui.add(notice);
        notice.open();
        close.focus();
    }
}
