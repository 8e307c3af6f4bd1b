package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.earlyhelp.referrals.Families;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.Retention;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.FeedbackRetention;

/**
 * Data protection duties for administrators: subject access exports and the retention report (the
 * families due for deletion, and the young people's feedback whose words are due).
 */
@View
@Route("admin/data-protection")
@Menu(order = 91, title = "menu.data-protection")
@RolesAllowed(Role.ADMIN_AUTHORITY)
class SubjectAccessView extends Page {

    /** The families due listed by name of record; any more are counted, not listed. */
    static final int LISTED = 200;

    SubjectAccessView(Families families, Retention retention, FeedbackRetention feedbackRetention) {
        super("");
        setHeading(t("dp.title"));
        add(new H2(t("dp.sar.title")), new Paragraph(t("dp.sar.intro")));
        TextField family = new TextField(t("dp.sar.family"));
        family.setId("sar-family");
        family.setWidthFull();
        TextArea reason = new TextArea(t("dp.sar.reason"));
        reason.setId("sar-reason");
        reason.setWidthFull();
        Div result = new Div();
        result.setId("sar-result");
        Button prepare = new Button(t("dp.sar.prepare"), e -> {
            result.removeAll();
            family.setInvalid(false);
            reason.setInvalid(false);
            FamilyId id;
            try {
                id = FamilyId.parse(family.getValue().strip());
            } catch (IllegalArgumentException bad) {
                family.setInvalid(true);
                family.setErrorMessage(t("dp.sar.bad-id"));
                return;
            }
            try {
                byte[] text = families.subjectAccess(id, reason.getValue()).getBytes(StandardCharsets.UTF_8);
                Anchor download = new Anchor(
                        DownloadHandler.fromInputStream(event -> new DownloadResponse(
                                new ByteArrayInputStream(text),
                                "subject-access-" + id + ".txt",
                                "text/plain",
                                text.length)),
                        t("dp.sar.download"));
                download.setId("sar-download");
                result.add(new Paragraph(t("dp.sar.ready", text.length)), download);
            } catch (ValidationException invalid) {
                family.setInvalid(Words.of(invalid).containsKey("family"));
                family.setErrorMessage(Words.of(invalid).get("family"));
                reason.setInvalid(Words.of(invalid).containsKey("reason"));
                reason.setErrorMessage(Words.of(invalid).get("reason"));
            }
        });
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prepare.setId("sar-prepare");
        add(family, reason, prepare, result);

        add(new H2(t("dp.retention.title")), new Paragraph(t("dp.retention.intro")));
        Div report = new Div();
        report.setId("retention-report");
        Button dryRun = new Button(t("dp.retention.dry-run"), e -> {
            report.removeAll();
            Retention.Report r = retention.dryRun();
            report.add(new Paragraph(t("dp.retention.result", r.due(), r.newlyDue())));
            UnorderedList list = new UnorderedList();
            r.families().stream()
                    .limit(LISTED)
                    .forEach(d -> list.add(new ListItem(t(
                            "dp.retention.family",
                            d.family().toString(),
                            d.hub(),
                            d.youngestBornYear(),
                            Texts.day(d.dueSince())))));
            report.add(list);
            if (r.families().size() > LISTED) {
                Paragraph more = new Paragraph(
                        t("dp.retention.more", LISTED, r.families().size() - LISTED));
                more.setId("retention-more");
                report.add(more);
            }
            FeedbackRetention.Due feedback = feedbackRetention.dryRun();
            Paragraph voice = new Paragraph(
                    t("dp.retention.feedback", feedback.anonymousTexts(), feedback.namedOrPseudonymous()));
            voice.setId("retention-feedback");
            report.add(voice);
        });
        dryRun.setId("retention-dry-run");
        add(dryRun, report);
    }
}
