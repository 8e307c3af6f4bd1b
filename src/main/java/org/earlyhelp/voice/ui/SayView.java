package org.earlyhelp.voice.ui;

import static java.util.Objects.requireNonNull;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.ui.Focus;
import org.earlyhelp.shared.ui.LanguagePicker;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.FeedbackDraft;
import org.earlyhelp.voice.FeedbackForms;
import org.earlyhelp.voice.FeelSafe;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.Invitations;
import org.earlyhelp.voice.Mode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public feedback form: no account, no tracking, nothing from other sites; plain words,
 * pictures for the youngest, read-aloud for every question, big touch targets, and the choice of
 * being named, pseudonymous or anonymous (anonymous by default). Saying they do not feel safe
 * shows where to get help at once.
 */
@View
@Route(value = "say/:code?", autoLayout = false)
@AnonymousAllowed
class SayView extends Page implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(SayView.class);

    private static final String[] MOODS = {"😢", "🙁", "😐", "🙂", "😀"};

    private final transient Invitations invitations;
    private final transient FeedbackForms forms;
    private @Nullable Invitation invitation;
    private @Nullable AgeBand band;
    private @Nullable Integer mood;
    private @Nullable FeelSafe feelSafe;

    SayView(Invitations invitations, FeedbackForms forms) {
        super("");
        this.invitations = invitations;
        this.forms = forms;
        addClassName("say");
        // Kept when the page is drawn again: the heading first, then the language.
        add(new LanguagePicker());
    }

    private String t(String key, Object... args) {
        return getTranslation("voice." + key, args);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        getChildren().skip(2).toList().forEach(this::remove);
        Optional<String> code = event.getRouteParameters().get("code");
        invitation = code.flatMap(invitations::open).orElse(null);
        if (invitation == null) {
            askForCode(code.isPresent());
            return;
        }
        band = invitation.ageBand();
        if (band == null) {
            chooseBand();
        } else {
            form();
        }
    }

    private void askForCode(boolean badCode) {
        setHeading(t("say.title"));
        if (badCode) {
            Paragraph bad = new Paragraph(t("say.bad-code"));
            bad.setId("bad-code");
            bad.addClassName("say-notice");
            add(bad);
        }
        add(new Paragraph(t("say.enter-code")));
        TextField code = new TextField(t("say.code"));
        code.setId("code");
        code.addClassName("say-big");
        Button go = new Button(
                t("say.go"),
                e -> getUI().ifPresent(
                                ui -> ui.navigate("say/" + code.getValue().strip())));
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClassName("say-big");
        go.setId("go");
        add(code, go);
    }

    private void chooseBand() {
        setHeading(t("say.title"));
        add(new Paragraph(t("say.choose-form")));
        Div choices = new Div();
        choices.addClassName("say-choices");
        for (AgeBand b : AgeBand.values()) {
            Button choice = new Button(t("band." + slug(b)), e -> {
                band = b;
                getChildren().skip(2).toList().forEach(this::remove);
                form();
                // The buttons are gone: focus goes to the form's heading, read out first.
                Focus.now(heading());
            });
            choice.addClassName("say-big");
            choice.setId("band-" + slug(b));
            choices.add(choice);
        }
        add(choices);
    }

    private void form() {
        Invitation invitation = requireNonNull(this.invitation);
        AgeBand band = requireNonNull(this.band);
        String b = slug(band);
        setHeading(t("form." + b + ".title"));
        add(new Paragraph(t("form." + b + ".intro")));
        Section privacy = new Section();
        privacy.addClassName("say-privacy");
        privacy.setId("say-privacy");
        privacy.add(new H2(t("privacy.title")));
        privacy.add(readAloud(
                t("privacy.title"), String.join(" ", t("privacy.title"), t("privacy.text"), t("privacy.not-secret"))));
        privacy.add(new Paragraph(t("privacy.text")));
        privacy.add(new Paragraph(t("privacy.not-secret")));
        add(privacy);

        List<String> moods = new ArrayList<>();
        for (int i = 0; i < MOODS.length; i++) {
            moods.add(t("mood." + (i + 1)));
        }
        add(question(
                "mood",
                t("form." + b + ".mood"),
                choiceRow("mood", MOODS.length, i -> MOODS[i] + " " + t("mood." + (i + 1)), i -> mood = i + 1),
                moods));
        FeelSafe[] answers = FeelSafe.values();
        List<String> safeChoices = new ArrayList<>();
        for (FeelSafe answer : answers) {
            safeChoices.add(t("safe." + answer.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        // Help shows as soon as "No" or "Not sure" is chosen, not only after Send.
        Section helpNow = help(false);
        helpNow.setId("help-now-form");
        helpNow.setVisible(false);
        add(question(
                "safe",
                t("form." + b + ".safe"),
                choiceRow("safe", answers.length, safeChoices::get, i -> {
                    feelSafe = answers[i];
                    helpNow.setVisible(answers[i] != FeelSafe.YES);
                }),
                safeChoices));
        add(helpNow);

        Map<String, TextArea> texts = new LinkedHashMap<>();
        List<String> asked = band == AgeBand.PICTURES
                ? List.of("anything")
                : invitation.caseId() == null
                        ? List.of("helping", "change", "anything")
                        : List.of("helping", "change", "worker", "anything");
        for (String key : asked) {
            TextArea area = new TextArea();
            area.setLabel(t("form." + b + "." + key));
            area.setId("answer-" + key);
            area.setMaxLength(FeedbackForms.MAX_TEXT);
            area.setWidthFull();
            texts.put(key, area);
            add(question(key, t("form." + b + "." + key), area, List.of()));
        }

        RadioButtonGroup<Mode> mode = new RadioButtonGroup<>(t("mode.question"));
        // "My worker can know it's me" only where there is a worker: a family's case.
        if (invitation.caseId() == null) {
            mode.setItems(Mode.ANONYMOUS, Mode.PSEUDONYMOUS);
        } else {
            mode.setItems(Mode.ANONYMOUS, Mode.PSEUDONYMOUS, Mode.NAMED);
        }
        mode.setItemLabelGenerator(m -> t("mode." + m.name().toLowerCase(Locale.ROOT)));
        mode.setValue(Mode.ANONYMOUS);
        mode.setId("mode");
        mode.addClassName("say-modes");
        TextField name = new TextField(t("mode.name"));
        name.setId("first-name");
        name.setMaxLength(60);
        TextField contact = new TextField(t("mode.contact"));
        contact.setHelperText(t("mode.contact-help"));
        contact.setId("contact");
        contact.setMaxLength(200);
        name.setVisible(false);
        contact.setVisible(false);
        mode.addValueChangeListener(e -> {
            boolean known = e.getValue() != Mode.ANONYMOUS;
            name.setVisible(known);
            contact.setVisible(known);
        });
        add(mode, new Paragraph(t("mode.explain")), name, contact);

        Paragraph problems = new Paragraph();
        problems.setId("say-problems");
        problems.addClassName("field-error");
        problems.getElement().setAttribute("role", "alert");
        Button send = new Button(t("say.send"), e -> {
            FeedbackForms.Received received;
            try {
                received = forms.submit(
                        invitation.code(),
                        new FeedbackDraft(
                                band,
                                mode.getValue(),
                                name.getValue(),
                                contact.getValue(),
                                feelSafe,
                                mood,
                                value(texts, "helping"),
                                value(texts, "change"),
                                value(texts, "worker"),
                                value(texts, "anything")),
                        address());
            } catch (FeedbackForms.NotTaken notTaken) {
                Map<String, Message> said = notTaken.messages();
                // The code closed while they answered: whatever they said, they see where to get help now.
                if (said.containsKey("code")) {
                    helpNow.setVisible(true);
                }
                problems.setText(String.join(
                        " ",
                        said.values().stream()
                                .map(m -> getTranslation(m.key(), m.args()))
                                .toList()));
                name.setInvalid(said.containsKey("name"));
                name.setErrorMessage(
                        said.containsKey("name")
                                ? getTranslation(
                                        said.get("name").key(), said.get("name").args())
                                : null);
                return;
            } catch (RuntimeException failed) {
                // The database away, or anything else: the one transaction saved nothing. The
                // answers stay here to be sent again, with where to get help now.
                log.error("A young person's answers could not be saved", failed);
                helpNow.setVisible(true);
                problems.setText(t("say.not-sent"));
                return;
            }
            thanks(received.safeguarding());
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClassName("say-big");
        send.setId("send");
        add(problems, send);
    }

    private static @Nullable String value(Map<String, TextArea> texts, String key) {
        TextArea area = texts.get(key);
        return area == null ? null : area.getValue();
    }

    /**
     * One question with a button that reads it aloud, and its choices after it (the youngest
     * cannot read the buttons either).
     */
    private Section question(String id, String text, Component answer, List<String> choices) {
        Section section = new Section();
        section.addClassName("say-question");
        section.setId("question-" + id);
        H2 heading = new H2(text);
        String spoken = choices.isEmpty() ? text : text + " " + String.join(". ", choices) + ".";
        section.add(heading, readAloud(text, spoken), answer);
        return section;
    }

    /** A button that reads the text aloud with the browser's own speech, where it has one. */
    private Button readAloud(String what, String spoken) {
        Button read = new Button(
                "🔊 " + t("say.read-aloud"),
                e -> e.getSource()
                        .getElement()
                        .executeJs(
                                "if (window.speechSynthesis) { window.speechSynthesis.cancel();"
                                        + " window.speechSynthesis.speak(new SpeechSynthesisUtterance($0)); }",
                                spoken));
        read.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        read.setAriaLabel(t("say.read-aloud-label", what));
        read.addClassName("say-read");
        return read;
    }

    /** A row of big toggle buttons; exactly one can be pressed; works without colour (a tick shows). */
    private Div choiceRow(String id, int count, IntFunction<String> label, Consumer<Integer> chosen) {
        Div row = new Div();
        row.addClassName("say-choices");
        row.setId("choices-" + id);
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            Button b = new Button(label.apply(i));
            b.addClassName("say-choice");
            b.getElement().setAttribute("aria-pressed", "false");
            b.addClickListener(e -> {
                for (Button other : buttons) {
                    other.getElement().setAttribute("aria-pressed", "false");
                    other.removeClassName("chosen");
                    other.setText(other.getText().replace("✔ ", ""));
                }
                b.getElement().setAttribute("aria-pressed", "true");
                b.addClassName("chosen");
                b.setText("✔ " + b.getText());
                chosen.accept(index);
            });
            buttons.add(b);
            row.add(b);
        }
        return row;
    }

    private void thanks(boolean safeguarding) {
        Invitation invitation = requireNonNull(this.invitation);
        getChildren().skip(2).toList().forEach(this::remove);
        setHeading(t("thanks.title"));
        // The form is gone: focus goes to the thanks, which the help (if any) follows.
        Focus.now(heading());
        if (safeguarding) {
            Section help = help(true);
            help.setId("help-now");
            add(help);
        }
        add(new Paragraph(t("thanks.text")));
        add(new Paragraph(
                new Span(t("thanks.see")),
                new Span(" "),
                new Anchor("you-said-we-did/" + invitation.hub().value(), t("thanks.link"))));
    }

    /**
     * Where to get help now, with numbers a phone can call with one tap.
     *
     * @param told whether the answer has been sent (and passed on), or is still being written
     */
    private Section help(boolean told) {
        Section help = new Section();
        help.addClassName("say-help");
        help.add(new H2(t("help.title")));
        Anchor childline = new Anchor("tel:08001111", t("help.childline-call"));
        childline.addClassName("say-call");
        help.add(new Paragraph(childline), new Paragraph(t("help.childline")));
        Anchor danger = new Anchor("tel:999", t("help.danger-call"));
        danger.addClassName("say-call");
        help.add(new Paragraph(danger), new Paragraph(t("help.danger")));
        help.add(new Paragraph(t(told ? "help.told" : "help.will-tell")));
        return help;
    }

    private static String address() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    static String slug(AgeBand band) {
        return band.name().toLowerCase(Locale.ROOT);
    }

    @Override
    protected boolean forYoungPeople() {
        return true;
    }
}
