package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.sufficiency.DemonstrationSupply;

/**
 * The notice of what on the sufficiency page is made up for the demonstration, with the offer to
 * remove the made-up supply once the council's own returns are in.
 */
final class DemonstrationNotice extends Div {

    private final transient DemonstrationSupply demonstration;

    DemonstrationNotice(DemonstrationSupply demonstration) {
        this.demonstration = demonstration;
        setId("demonstration-notice");
    }

    /**
     * Says what is made up from the demonstration; once the council's returns are in, offers to
     * remove the made-up supply still set against them (after a confirmation).
     */
    void show() {
        removeAll();
        DemonstrationSupply.Held held = demonstration.held();
        setVisible(held.any());
        if (!held.any()) {
            return;
        }
        addClassName("notice");
        if (held.children() > 0) {
            add(new Paragraph(getTranslation("sufficiency.demonstration.returns")));
            return;
        }
        add(new Paragraph(getTranslation(
                "sufficiency.demonstration.supply",
                held.providers(),
                held.contracts(),
                held.supplyFigures(),
                held.carers())));
        Button remove = new Button(getTranslation("sufficiency.demonstration.remove"), e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader(getTranslation("sufficiency.demonstration.confirm-title"));
            confirm.setText(getTranslation("sufficiency.demonstration.confirm-text"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("sufficiency.demonstration.keep"));
            confirm.setConfirmText(getTranslation("sufficiency.demonstration.remove"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(c -> {
                demonstration.removeSupply();
                getUI().ifPresent(ui -> ui.getPage().reload());
            });
            Confirmations.focusCancel(confirm);
            confirm.open();
        });
        remove.setId("remove-demonstration-supply");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(remove);
    }
}
