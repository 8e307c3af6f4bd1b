package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.SafeguardingConcern;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Words;

/**
 * What the request form shows when a child may be at risk of harm now: who to call, and a record
 * of the concern instead of a request for early help.
 */
final class SafeguardingShutter extends Div {

    SafeguardingShutter(RequestsForSupport requests, HubDirectory hubs) {
        add(new H2(t("shutter.title")));
        add(new Paragraph(t("shutter.call")));
        add(new Paragraph(t("shutter.danger")));
        add(new Paragraph(t("shutter.record")));
        TextField child = new TextField(t("shutter.child"));
        child.setId("concern-child");
        TextField where = new TextField(t("request.postcode"));
        where.setId("concern-postcode");
        Select<Hub> hub = Data.mark(new Select<>());
        hub.setLabel(t("request.hub"));
        hub.setItems(hubs.hubs());
        hub.setItemLabelGenerator(h -> h == null ? t("shutter.no-hub") : h.name());
        hub.setEmptySelectionAllowed(true);
        hub.setHelperText(t("shutter.hub-help"));
        TextArea worry = new TextArea(t("shutter.worry"));
        worry.setId("concern-worry");
        worry.setWidthFull();
        Checkbox called = new Checkbox(t("shutter.called"));
        called.setId("concern-called");
        Paragraph result = new Paragraph();
        result.setId("concern-result");
        result.getElement().setAttribute("role", "status");
        Button record = new Button(t("shutter.save"), e -> {
            try {
                requests.recordSafeguardingConcern(new SafeguardingConcern(
                        child.getValue(),
                        where.getValue(),
                        worry.getValue(),
                        called.getValue(),
                        hub.getValue() == null ? null : hub.getValue().id()));
                Texts.show(Map.of(), Map.of("childName", child, "postcode", where, "hub", hub, "worry", worry));
                result.setText(t("shutter.saved"));
                e.getSource().setEnabled(false);
            } catch (ValidationException invalid) {
                List<String> rest = Texts.show(
                        Words.of(invalid), Map.of("childName", child, "postcode", where, "hub", hub, "worry", worry));
                result.setText(String.join(" ", rest));
            }
        });
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        record.setId("record-concern");
        FormLayout layout = new FormLayout(child, where, hub);
        add(layout, worry, called, record, result);
    }
}
