package org.earlyhelp.referrals.ui;

import static java.util.Objects.requireNonNull;
import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubDirectory;
import org.earlyhelp.hubs.PostcodeLookup;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyMatch;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;

/**
 * Asking for early help for a family: the safeguarding question first, then the family, where
 * they live, what they need, what has been tried and their consent; known families are offered
 * before saving so that duplicates are linked, not created.
 */
@View
@Route("requests/new")
@Menu(order = 5, title = "menu.request")
@RolesAllowed({Role.PRACTITIONER_AUTHORITY, Role.HUB_LEAD_AUTHORITY})
class RequestForSupportView extends Page {

    private final transient RequestsForSupport requests;
    private final transient Clock clock;
    private final transient PostcodeLookup postcodes;
    private final List<FamilyMemberFields> members = new ArrayList<>();
    private final Div memberList = new Div();
    private final TextField address = new TextField();
    private final TextField postcode = new TextField();
    private final Paragraph hubFound = new Paragraph();
    private final Select<Hub> chosenHub = Data.mark(new Select<>());
    private final Button addAnother = new Button();
    private final TextField hubReason = new TextField();
    private final Map<OutcomeArea, Checkbox> needBoxes = new EnumMap<>(OutcomeArea.class);
    private final Map<OutcomeArea, TextArea> needTexts = new EnumMap<>(OutcomeArea.class);
    private final Paragraph needsError = new Paragraph();
    private final TextArea tried = new TextArea();
    private final TextArea involved = new TextArea();
    private final TextField consentBy = new TextField();
    private final DatePicker consentOn = new DatePicker();
    private final Select<ConsentMethod> consentHow = new Select<>();
    private final TextArea consentShare = new TextArea();
    private final Checkbox stepDown = new Checkbox();
    private final TextArea stepDownReasons = new TextArea();
    private final Paragraph formErrors = new Paragraph();
    private final Section form = new Section();
    private final Section shutter = new Section();
    private final Section done = new Section();

    RequestForSupportView(
            RequestsForSupport requests,
            PostcodeLookup postcodes,
            HubDirectory hubs,
            CurrentUsers currentUsers,
            Clock clock) {
        super("");
        this.clock = clock;
        this.requests = requests;
        this.postcodes = postcodes;
        setHeading(t("request.title"));
        CurrentUser user = currentUsers.require();
        add(new Paragraph(t("request.intro")));

        RadioButtonGroup<Boolean> question = new RadioButtonGroup<>(t("request.safeguarding.question"));
        question.setItems(Boolean.TRUE, Boolean.FALSE);
        question.setItemLabelGenerator(b -> b ? t("request.safeguarding.yes") : t("request.safeguarding.no"));
        question.setHelperText(t("request.safeguarding.help"));
        question.setId("safeguarding-question");
        question.setRequiredIndicatorVisible(true);
        add(question);

        shutter.setId("shutter");
        shutter.addClassName("shutter");
        done.setId("request-done");
        done.addClassName("home-section");
        shutter.setVisible(false);
        form.setVisible(false);
        done.setVisible(false);
        add(shutter, form, done);
        // Each branch is built when it is first chosen: someone who has only opened the page holds
        // the question, not both forms, in their session.
        question.addValueChangeListener(e -> {
            boolean concern = Boolean.TRUE.equals(e.getValue());
            boolean none = Boolean.FALSE.equals(e.getValue());
            if (concern && shutter.getChildren().findAny().isEmpty()) {
                shutter.add(new SafeguardingShutter(requests, hubs));
            }
            if (none && form.getChildren().findAny().isEmpty()) {
                buildForm(hubs, user);
            }
            shutter.setVisible(concern);
            form.setVisible(none);
        });
    }

    // ---- the request -----------------------------------------------------------------------------

    private void buildForm(HubDirectory hubs, CurrentUser user) {
        form.setId("request-form");
        form.add(new H2(t("request.family")));
        form.add(new Paragraph(t("request.family-help")));
        memberList.setId("members");
        form.add(memberList);
        addMember(Relationship.PARENT);
        addMember(Relationship.CHILD);
        // The new person's fields appear above the button: the keyboard goes to their first one.
        addAnother.setText(t("request.add-member"));
        addAnother.addClickListener(e -> addMember(Relationship.CHILD).given.focus());
        addAnother.setId("add-member");
        form.add(addAnother);

        form.add(new H2(t("request.where")));
        address.setLabel(t("request.address"));
        address.setId("address");
        address.setWidthFull();
        postcode.setLabel(t("request.postcode"));
        postcode.setId("postcode");
        postcode.addValueChangeListener(e -> lookUp());
        hubFound.setId("hub-found");
        hubFound.getElement().setAttribute("aria-live", "polite");
        chosenHub.setLabel(t("request.hub"));
        chosenHub.setItems(hubs.hubs());
        chosenHub.setItemLabelGenerator(Hub::name);
        chosenHub.setId("chosen-hub");
        hubReason.setLabel(t("request.hub-reason"));
        hubReason.setId("hub-reason");
        hubReason.setWidthFull();
        chosenHub.setVisible(false);
        hubReason.setVisible(false);
        form.add(address, postcode, hubFound, chosenHub, hubReason);

        form.add(new H2(t("request.needs")));
        form.add(new Paragraph(t("request.needs-help")));
        needsError.addClassName("field-error");
        needsError.setId("needs-error");
        form.add(needsError);
        for (OutcomeArea area : OutcomeArea.values()) {
            Checkbox box = new Checkbox(getTranslation(area.key()));
            box.setId("need-" + area.name().toLowerCase(Locale.ROOT));
            TextArea text = new TextArea(t("request.need-text", getTranslation(area.key())));
            text.setId("need-text-" + area.name().toLowerCase(Locale.ROOT));
            text.setWidthFull();
            text.setVisible(false);
            box.addValueChangeListener(e -> text.setVisible(e.getValue()));
            needBoxes.put(area, box);
            needTexts.put(area, text);
            form.add(new Div(box), text);
        }

        form.add(new H2(t("request.so-far")));
        tried.setLabel(t("request.tried"));
        tried.setId("tried");
        tried.setWidthFull();
        involved.setLabel(t("request.involved"));
        involved.setId("involved");
        involved.setWidthFull();
        form.add(tried, involved);

        form.add(new H2(t("request.consent")));
        form.add(new Paragraph(t("request.consent-help")));
        consentBy.setLabel(t("request.consent-by"));
        consentBy.setId("consent-by");
        consentOn.setLabel(t("request.consent-on"));
        consentOn.setId("consent-on");
        consentOn.setLocale(Locale.UK);
        consentOn.setValue(WorkingCalendar.today(clock));
        consentOn.setMax(WorkingCalendar.today(clock));
        consentHow.setLabel(t("request.consent-how"));
        consentHow.setItems(ConsentMethod.values());
        consentHow.setItemLabelGenerator(m -> Texts.label("consent-method", m));
        consentHow.setId("consent-how");
        consentShare.setLabel(t("request.consent-share"));
        consentShare.setId("consent-share");
        consentShare.setWidthFull();
        form.add(new FormLayout(consentBy, consentOn, consentHow), consentShare);

        if (user.has(Role.HUB_LEAD)) {
            form.add(new H2(t("request.step-down")));
            stepDown.setLabel(t("request.step-down-box"));
            stepDown.setId("step-down");
            stepDownReasons.setLabel(t("request.step-down-reasons"));
            stepDownReasons.setId("step-down-reasons");
            stepDownReasons.setWidthFull();
            stepDownReasons.setVisible(false);
            stepDown.addValueChangeListener(e -> stepDownReasons.setVisible(e.getValue()));
            form.add(stepDown, stepDownReasons);
        }

        formErrors.setId("form-errors");
        formErrors.addClassName("field-error");
        formErrors.getElement().setAttribute("role", "alert");
        Button send = new Button(t("request.send"), e -> checkThenSend());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("send-request");
        form.add(formErrors, send);
    }

    private FamilyMemberFields addMember(Relationship relationship) {
        // The button pressed is gone with its row: the keyboard goes on to adding someone.
        FamilyMemberFields row =
                new FamilyMemberFields(members.size(), relationship, WorkingCalendar.today(clock), addAnother::focus);
        members.add(row);
        memberList.add(row.layout);
        return row;
    }

    private void lookUp() {
        PostcodeLookup.Result result = postcodes.lookup(postcode.getValue());
        boolean choose = false;
        switch (result) {
            case PostcodeLookup.Found found
            when found.hubName().isPresent() ->
                hubFound.setText(t("request.hub-found", found.hubName().get()));
            case PostcodeLookup.Found found -> {
                hubFound.setText(t("request.hub-unknown"));
                choose = true;
            }
            case PostcodeLookup.Unknown unknown -> {
                hubFound.setText(t("request.hub-unknown"));
                choose = true;
            }
            case PostcodeLookup.Malformed malformed -> hubFound.setText("");
        }
        boolean revealed = choose && !chosenHub.isVisible();
        chosenHub.setVisible(choose);
        hubReason.setVisible(choose);
        if (revealed) {
            // The choice appears above where Tab went on leaving the postcode: take the keyboard to it.
            chosenHub.focus();
        }
        if (!choose) {
            chosenHub.clear();
            hubReason.clear();
        }
    }

    private RequestDraft draft(@Nullable FamilyId existing) {
        Map<OutcomeArea, String> needs = new LinkedHashMap<>();
        needBoxes.forEach((area, box) -> {
            if (box.getValue()) {
                needs.put(area, requireNonNull(needTexts.get(area)).getValue());
            }
        });
        return new RequestDraft(
                members.stream()
                        .filter(r -> r.layout.isVisible())
                        .map(FamilyMemberFields::draft)
                        .toList(),
                address.getValue(),
                postcode.getValue(),
                chosenHub.getValue() == null ? null : chosenHub.getValue().id(),
                hubReason.getValue(),
                needs,
                tried.getValue(),
                involved.getValue(),
                new ConsentDraft(
                        consentBy.getValue(), consentOn.getValue(), consentHow.getValue(), consentShare.getValue()),
                existing);
    }

    private void checkThenSend() {
        RequestDraft draft = draft(null);
        List<FamilyMatch> matches = requests.matches(draft.members(), draft.postcode());
        if (matches.isEmpty()) {
            send(null);
            return;
        }
        new FamilyMatchesDialog(matches, this::send).open();
    }

    private void send(@Nullable FamilyId existing) {
        RequestDraft draft = draft(existing);
        try {
            Submitted submitted =
                    stepDown.getValue() ? requests.stepDown(draft, stepDownReasons.getValue()) : requests.submit(draft);
            form.setVisible(false);
            done.removeAll();
            H2 sent = new H2(t("request.sent"));
            sent.setId("request-sent");
            done.add(sent);
            done.add(new Paragraph(
                    stepDown.getValue()
                            ? t("request.sent-step-down", submitted.hubName())
                            : t("request.sent-text", submitted.hubName(), Texts.dayTime(submitted.decisionDue()))));
            if (submitted.linking() == Submitted.Linking.LINK_ASKED) {
                done.add(new Paragraph(t("request.sent-link-asked")));
            } else if (submitted.linking() == Submitted.Linking.MOVE_ASKED) {
                done.add(new Paragraph(t("request.sent-move-asked")));
            }
            if (submitted.reReferral()) {
                done.add(new Paragraph(t("request.sent-re-referral")));
            }
            done.add(new Anchor("requests", t("request.see-mine")));
            done.setVisible(true);
            // The form (and the button used, perhaps in the dialog of possible matches) is gone:
            // focus goes to what happened, not to the page.
            Focus.afterDialog(sent);
        } catch (ValidationException invalid) {
            showProblems(Words.of(invalid));
        }
    }

    private void showProblems(Map<String, String> problems) {
        Map<String, Component> fields = new LinkedHashMap<>();
        fields.put("address", address);
        fields.put("postcode", postcode);
        fields.put("hub", chosenHub);
        fields.put("hubReason", hubReason);
        fields.put("tried", tried);
        fields.put("involved", involved);
        fields.put("consent.givenBy", consentBy);
        fields.put("consent.givenOn", consentOn);
        fields.put("consent.method", consentHow);
        fields.put("consent.shareWith", consentShare);
        fields.put("reasons", stepDownReasons);
        needTexts.forEach((area, text) -> fields.put("needs." + area.name(), text));
        int visible = 0;
        for (FamilyMemberFields row : members) {
            if (row.layout.isVisible()) {
                row.fields(visible++).forEach(fields::put);
            }
        }
        needsError.setText(problems.getOrDefault("needs", ""));
        List<String> rest = Texts.show(problems, fields);
        rest.remove(problems.get("needs"));
        formErrors.setText(problems.isEmpty() ? "" : t("request.fix", problems.size()) + " " + String.join(" ", rest));
    }
}
