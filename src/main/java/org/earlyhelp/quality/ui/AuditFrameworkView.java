package org.earlyhelp.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.quality.AuditFramework;
import org.earlyhelp.quality.AuditFramework.DomainDraft;
import org.earlyhelp.quality.AuditFramework.Version;
import org.earlyhelp.shared.ChangedBySomeoneElseException;
import org.earlyhelp.shared.CurrentUser;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.shared.ui.Confirmations;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.jspecify.annotations.Nullable;

/**
 * The partnership's audit framework: any published version, domain by domain with its question
 * and the four grades' descriptors; for administrators, the editor of the next version.
 */
@View
@Route("quality/framework")
@Menu(order = 60, title = "menu.quality-framework")
@RolesAllowed({Role.ADMIN_AUTHORITY, Role.HUB_LEAD_AUTHORITY, Role.PRACTITIONER_AUTHORITY})
class AuditFrameworkView extends Page {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String[] GRADES = {"outstanding", "good", "requires-improvement", "inadequate"};

    private final transient AuditFramework framework;
    private final boolean administrator;
    private final Div shown = new Div();
    private final Div editor = new Div();
    private final List<DomainForm> domainForms = new ArrayList<>();
    private final TextArea note = new TextArea();
    private final Paragraph problems = new Paragraph();
    private int startedFrom;

    AuditFrameworkView(AuditFramework framework, CurrentUsers currentUsers) {
        super("");
        this.framework = framework;
        CurrentUser user = currentUsers.require();
        this.administrator = user.has(Role.ADMIN);
        setHeading(getTranslation("quality.framework.title"));
        add(new Paragraph(getTranslation("quality.framework.intro")));
        shown.setId("framework-shown");
        add(shown);
        if (administrator) {
            editor.setId("framework-editor");
            add(editor);
        }
        load();
    }

    private void load() {
        List<Integer> versions = framework.versions();
        shown.removeAll();
        Optional<Version> current = versions.isEmpty() ? Optional.empty() : framework.version(versions.getFirst());
        startedFrom = current.map(Version::number).orElse(0);
        if (current.isEmpty()) {
            shown.add(new Paragraph(
                    getTranslation(administrator ? "quality.framework.none-admin" : "quality.framework.none")));
        } else {
            Select<Integer> pick = new Select<>();
            pick.setId("framework-version");
            pick.setLabel(getTranslation("quality.framework.shown"));
            pick.setItems(versions);
            pick.setItemLabelGenerator(v -> getTranslation("quality.framework.version.short", v));
            pick.setValue(versions.getFirst());
            Div body = new Div();
            pick.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    framework.version(e.getValue()).ifPresent(v -> show(body, v));
                }
            });
            shown.add(pick, body);
            show(body, current.get());
        }
        if (administrator) {
            edit(current.map(Version::drafts).orElse(List.of(new DomainDraft(null, null, null, null, null, null))));
        }
    }

    private void show(Div body, Version v) {
        body.removeAll();
        body.add(new Paragraph(getTranslation(
                "quality.framework.version",
                v.number(),
                DAY.format(v.publishedAt().atZone(WorkingCalendar.LONDON)),
                v.publishedBy())));
        body.add(Data.mark(new Paragraph(getTranslation("quality.framework.note", v.note()))));
        for (AuditFramework.Domain d : v.domains()) {
            Section section = new Section(Data.mark(new H2(d.name())));
            section.addClassName("framework-domain");
            section.add(Data.mark(new Paragraph(getTranslation("quality.framework.question", d.question()))));
            UnorderedList grades = new UnorderedList();
            String[] descriptors = {d.outstanding(), d.good(), d.requiresImprovement(), d.inadequate()};
            for (int g = 0; g < GRADES.length; g++) {
                Span grade = new Span(getTranslation("quality.grade." + GRADES[g]) + ": ");
                grade.addClassName("grade-name");
                grades.add(new ListItem(grade, Data.mark(new Span(descriptors[g]))));
            }
            section.add(grades);
            body.add(section);
        }
    }

    // ---- the editor (administrators) -----------------------------------------------------------

    private void edit(List<DomainDraft> drafts) {
        editor.removeAll();
        domainForms.clear();
        editor.add(new H2(getTranslation("quality.editor.title")));
        editor.add(new Paragraph(getTranslation("quality.editor.intro")));
        Div domains = new Div();
        domains.setId("framework-domains");
        for (DomainDraft d : drafts) {
            domains.add(domainForm(d, domains));
        }
        Button add = new Button(getTranslation("quality.editor.add"), e -> {
            domains.add(domainForm(new DomainDraft(null, null, null, null, null, null), domains));
            renumber();
        });
        add.setId("framework-add-domain");
        note.setLabel(getTranslation("quality.editor.note"));
        note.setId("framework-note");
        note.setWidthFull();
        note.clear();
        problems.setId("framework-problems");
        problems.addClassName("field-error");
        problems.getElement().setAttribute("role", "alert");
        problems.setText("");
        Button publish = new Button(getTranslation("quality.editor.publish", startedFrom + 1), e -> confirm());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setId("framework-publish");
        editor.add(domains, add, note, problems, publish);
        renumber();
    }

    /** One domain's part of the editor. */
    private record DomainForm(Section form, H3 heading, Button remove, Map<String, Component> fields) {}

    private Component domainForm(DomainDraft d, Div domains) {
        Map<String, Component> fields = new LinkedHashMap<>();
        TextField name = new TextField(getTranslation("quality.editor.name"));
        name.setValue(d.name() == null ? "" : d.name());
        name.setMaxLength(100);
        fields.put("name", name);
        fields.put("question", area(getTranslation("quality.editor.question"), d.question()));
        String[] values = {d.outstanding(), d.good(), d.requiresImprovement(), d.inadequate()};
        String[] keys = {"outstanding", "good", "requiresImprovement", "inadequate"};
        for (int g = 0; g < GRADES.length; g++) {
            String grade = getTranslation("quality.grade." + GRADES[g]).toLowerCase(getLocale());
            fields.put(keys[g], area(getTranslation("quality.editor.descriptor", grade), values[g]));
        }
        Section form = new Section();
        form.addClassName("framework-domain-form");
        H3 heading = new H3();
        Button remove = new Button();
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        DomainForm domain = new DomainForm(form, heading, remove, fields);
        remove.addClickListener(e -> {
            domainForms.remove(domain);
            domains.remove(form);
            renumber();
        });
        form.add(heading);
        fields.values().forEach(form::add);
        form.add(remove);
        domainForms.add(domain);
        return form;
    }

    /** Numbers the domains' headings, ids and remove buttons after one was added or removed. */
    private void renumber() {
        for (int i = 0; i < domainForms.size(); i++) {
            DomainForm d = domainForms.get(i);
            int n = i + 1;
            d.heading().setText(getTranslation("quality.editor.domain", n));
            d.remove().setText(getTranslation("quality.editor.remove", n));
            d.remove().setId("domain-remove-" + n);
            d.remove().setEnabled(domainForms.size() > 1);
            d.form().setId("domain-form-" + n);
            d.fields().forEach((key, field) -> field.setId("domain-" + n + "-" + key));
        }
    }

    private static TextArea area(String label, @Nullable String value) {
        TextArea area = new TextArea(label);
        area.setValue(value == null ? "" : value);
        area.setMaxLength(1000);
        area.setWidthFull();
        return area;
    }

    private List<DomainDraft> drafts() {
        List<DomainDraft> drafts = new ArrayList<>();
        for (DomainForm d : domainForms) {
            Map<String, Component> f = d.fields();
            drafts.add(new DomainDraft(
                    value(f.get("name")),
                    value(f.get("question")),
                    value(f.get("outstanding")),
                    value(f.get("good")),
                    value(f.get("requiresImprovement")),
                    value(f.get("inadequate"))));
        }
        return drafts;
    }

    private static String value(@Nullable Component field) {
        return field instanceof TextField t ? t.getValue() : field instanceof TextArea a ? a.getValue() : "";
    }

    private void confirm() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("quality.editor.confirm.title", startedFrom + 1));
        dialog.setText(getTranslation("quality.editor.confirm.text", startedFrom + 1));
        dialog.setConfirmText(getTranslation("quality.editor.confirm.yes"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("quality.editor.confirm.no"));
        dialog.addConfirmListener(e -> publish());
        Confirmations.focusCancel(dialog);
        dialog.open();
    }

    private void publish() {
        try {
            int number = framework.publish(drafts(), note.getValue(), startedFrom);
            Notification.show(
                    getTranslation("quality.editor.published", number), 4000, Notification.Position.BOTTOM_START);
            load();
        } catch (ValidationException invalid) {
            Map<String, String> words = Words.of(invalid);
            for (int i = 0; i < domainForms.size(); i++) {
                for (Map.Entry<String, Component> f :
                        domainForms.get(i).fields().entrySet()) {
                    String message = words.get("domains." + i + "." + f.getKey());
                    HasValidation v = (HasValidation) f.getValue();
                    v.setInvalid(message != null);
                    v.setErrorMessage(message);
                }
            }
            note.setInvalid(words.containsKey("note"));
            note.setErrorMessage(words.get("note"));
            problems.setText(
                    words.containsKey("domains") ? words.get("domains") : getTranslation("quality.editor.problems"));
        } catch (ChangedBySomeoneElseException changed) {
            Notification.show(Words.of(changed), 8000, Notification.Position.MIDDLE);
            load();
        }
    }
}
