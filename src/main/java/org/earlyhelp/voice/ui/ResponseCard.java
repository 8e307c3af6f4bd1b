package org.earlyhelp.voice.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.DateFields;
import org.earlyhelp.shared.ui.Disclosure;
import org.earlyhelp.shared.ui.TextList;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.Response;
import org.earlyhelp.voice.ResponseStatus;
import org.earlyhelp.voice.YouSaidWeDid;
import org.jspecify.annotations.Nullable;

/**
 * One "you said, we did" response: what was said and decided, its status and what was done, who
 * heard it and what changed, and the people to tell once it is published. Each change rebuilds
 * the feedback page, with focus back on this response's heading.
 */
final class ResponseCard extends Section {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final transient YouSaidWeDid responses;
    private final Consumer<@Nullable String> refresh;

    ResponseCard(
            YouSaidWeDid responses,
            Response r,
            boolean hubLead,
            Consumer<@Nullable String> refresh,
            Map<String, Component> anchors) {
        this.responses = responses;
        this.refresh = refresh;
        addClassName("home-section");
        addClassName("response");
        H3 heading = new H3(getTranslation("voice.public.theme", Themes.label(r.theme())));
        anchors.put("response:" + r.id(), heading);
        add(heading);
        TextList facts = new TextList();
        facts.add(getTranslation("voice.public.you-said", r.youSaid()));
        facts.add(getTranslation("voice.responses.owned", r.owner(), r.decision()));
        facts.add(getTranslation(
                "voice.responses.status-is",
                getTranslation("voice.status."
                        + r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
        if (r.due() != null) {
            boolean overdue = r.overdue(LocalDate.now(WorkingCalendar.LONDON));
            facts.add(
                    getTranslation(overdue ? "voice.responses.overdue" : "voice.responses.due-on", DAY.format(r.due())),
                    overdue ? "badge-overdue response-due" : "response-due");
        }
        if (r.weDid() != null) {
            facts.add(getTranslation("voice.public.we-did", r.weDid()));
        }
        facts.add(
                r.publishedAt() == null
                        ? getTranslation("voice.responses.not-published")
                        : getTranslation(
                                "voice.responses.published",
                                WHEN.format(r.publishedAt().atZone(WorkingCalendar.LONDON)),
                                r.approvedBy()));
        for (Response.Hearing h : r.hearings()) {
            facts.add(getTranslation("voice.responses.heard", h.heardBy(), DAY.format(h.heardOn()), h.whatChanged()));
        }
        add(facts.build());

        Select<ResponseStatus> status = new Select<>();
        status.setLabel(getTranslation("voice.responses.status"));
        status.setItems(ResponseStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(
                "voice.status." + s.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        status.setValue(r.status());
        TextArea weDid = new TextArea(getTranslation("voice.responses.we-did"));
        weDid.setHelperText(getTranslation("voice.responses.we-did-help"));
        weDid.setWidthFull();
        weDid.addClassName("response-we-did");
        if (r.weDid() != null) {
            weDid.setValue(r.weDid());
        }
        Button save = new Button(getTranslation("voice.responses.save-answer"), e -> {
            try {
                responses.answer(r.id(), r.version(), status.getValue(), weDid.getValue());
                refresh.accept("response:" + r.id());
            } catch (ValidationException invalid) {
                weDid.setInvalid(true);
                weDid.setErrorMessage(Words.of(invalid).get("weDid"));
            } catch (ChangedBySomeoneElseException changed) {
                Notification.show(Words.of(changed), 6000, Notification.Position.MIDDLE);
                refresh.accept("response:" + r.id());
            }
        });
        save.addClassName("save-answer");
        add(new FormLayout(status), weDid, save);
        if (hubLead && r.weDid() != null && r.publishedAt() == null) {
            Button publish = new Button(getTranslation("voice.responses.publish"), e -> {
                try {
                    responses.approveAndPublish(r.id(), r.version());
                    refresh.accept("response:" + r.id());
                } catch (ChangedBySomeoneElseException changed) {
                    Notification.show(Words.of(changed), 6000, Notification.Position.MIDDLE);
                    refresh.accept("response:" + r.id());
                }
            });
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            publish.addClassName("publish");
            add(publish);
        }
        if (r.publishedAt() != null) {
            var people = responses.toTell(r.id());
            if (!people.isEmpty()) {
                add(new H3(getTranslation(
                        "voice.tell.title",
                        people.stream().filter(p -> p.toldAt() == null).count())));
                UnorderedList list = new UnorderedList();
                for (var p : people) {
                    ListItem item = new ListItem(getTranslation(
                            "voice.tell.person", p.firstName() == null ? "" : p.firstName(), p.contact()));
                    if (p.toldAt() == null) {
                        Button told = new Button(getTranslation("voice.tell.done"), e -> {
                            responses.told(p.feedback(), p.response());
                            refresh.accept("response:" + r.id());
                        });
                        told.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                        item.add(told);
                    } else {
                        item.add(new Span(" · " + getTranslation("voice.tell.was-told")));
                    }
                    list.add(item);
                }
                add(list);
            }
        }
        add(Disclosure.of(getTranslation("voice.responses.record-hearing"), () -> hearingForm(r)));
    }

    private Component hearingForm(Response r) {
        TextField heardBy = new TextField(getTranslation("voice.responses.heard-by"));
        heardBy.addClassName("heard-by");
        DatePicker heardOn = DateFields.of(getTranslation("voice.responses.heard-on"));
        heardOn.addClassName("heard-on");
        TextArea changed = new TextArea(getTranslation("voice.responses.what-changed"));
        changed.addClassName("what-changed");
        Button heard = new Button(getTranslation("voice.responses.record-hearing"), e -> {
            try {
                responses.heard(r.id(), heardBy.getValue(), heardOn.getValue(), changed.getValue());
                refresh.accept("response:" + r.id());
            } catch (ValidationException invalid) {
                Map<String, String> p = Words.of(invalid);
                heardBy.setInvalid(p.containsKey("heardBy"));
                heardBy.setErrorMessage(p.get("heardBy"));
                heardOn.setInvalid(p.containsKey("heardOn"));
                heardOn.setErrorMessage(p.get("heardOn"));
                changed.setInvalid(p.containsKey("whatChanged"));
                changed.setErrorMessage(p.get("whatChanged"));
            }
        });
        heard.addClassName("record-hearing");
        return new Div(new FormLayout(heardBy, heardOn, changed), heard);
    }
}
