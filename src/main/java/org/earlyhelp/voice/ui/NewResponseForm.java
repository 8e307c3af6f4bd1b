package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.YouSaidWeDid;
import org.jspecify.annotations.Nullable;

/**
 * The form for a new "you said, we did" response to a confirmed theme of the hub; without a
 * confirmed theme it says there is nothing to respond to yet.
 */
final class NewResponseForm extends Div {

    NewResponseForm(YouSaidWeDid responses, HubId hub, String ownerName, Consumer<@Nullable String> refresh) {
        Map<String, Long> confirmed = responses.confirmedThemes(hub);
        if (confirmed.isEmpty()) {
            add(new Paragraph(getTranslation("voice.responses.no-themes")));
            return;
        }
        Select<String> theme = new Select<>();
        theme.setLabel(getTranslation("voice.responses.theme"));
        theme.setHelperText(getTranslation("voice.responses.theme-help"));
        theme.setItems(confirmed.keySet());
        theme.setItemLabelGenerator(
                t -> getTranslation("voice.responses.theme-count", Themes.label(t), confirmed.get(t)));
        theme.setId("response-theme");
        TextArea youSaid = new TextArea(getTranslation("voice.responses.you-said"));
        youSaid.setId("response-you-said");
        TextField owner = new TextField(getTranslation("voice.responses.owner"));
        owner.setValue(ownerName);
        owner.setId("response-owner");
        TextArea decision = new TextArea(getTranslation("voice.responses.decision"));
        decision.setId("response-decision");
        DatePicker due = DateFields.of(getTranslation("voice.responses.due"));
        due.setId("response-due");
        Button create = new Button(getTranslation("voice.responses.create"), e -> {
            try {
                UUID created = responses.create(
                        hub,
                        theme.getValue() == null ? "" : theme.getValue(),
                        youSaid.getValue(),
                        owner.getValue(),
                        decision.getValue(),
                        due.getValue());
                refresh.accept("response:" + created);
            } catch (ValidationException invalid) {
                Map<String, String> p = Words.of(invalid);
                theme.setInvalid(p.containsKey("theme"));
                theme.setErrorMessage(p.get("theme"));
                youSaid.setInvalid(p.containsKey("youSaid"));
                youSaid.setErrorMessage(p.get("youSaid"));
                owner.setInvalid(p.containsKey("owner"));
                owner.setErrorMessage(p.get("owner"));
                decision.setInvalid(p.containsKey("decision"));
                decision.setErrorMessage(p.get("decision"));
            }
        });
        create.setId("create-response");
        add(new FormLayout(theme, owner, youSaid, decision, due), create);
    }
}
