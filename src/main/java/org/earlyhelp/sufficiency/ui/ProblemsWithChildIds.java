package org.earlyhelp.sufficiency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Function;
import org.earlyhelp.shared.Csv;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.sufficiency.CareReturns;
import org.earlyhelp.sufficiency.Problem;

/**
 * The problems of an upload with the children's ids, for whoever keeps the case records: asked for
 * with a reason, which the audit log keeps; only then is the file made and offered.
 */
final class ProblemsWithChildIds {

    private ProblemsWithChildIds() {}

    static Button button(CareReturns returns, List<Problem> problems, Function<String, String> words) {
        Button open = new Button(words.apply("sufficiency.import.with-ids"));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.setId("problems-with-ids");
        open.addClickListener(e -> dialog(returns, problems, words).open());
        return open;
    }

    private static Dialog dialog(CareReturns returns, List<Problem> problems, Function<String, String> words) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(words.apply("sufficiency.import.with-ids.title"));
        Paragraph intro = new Paragraph(words.apply("sufficiency.import.with-ids.intro"));
        TextArea reason = new TextArea(words.apply("sufficiency.import.with-ids.reason"));
        reason.setId("with-ids-reason");
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        dialog.add(intro, reason);
        Button cancel = new Button(words.apply("action.cancel"), e -> dialog.close());
        Button prepare = new Button(words.apply("sufficiency.import.with-ids.prepare"));
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prepare.setId("with-ids-prepare");
        prepare.addClickListener(e -> {
            String csv;
            try {
                csv = returns.problemsWithChildIds(
                        problems,
                        reason.getValue(),
                        List.of(
                                words.apply("sufficiency.import.kind"),
                                words.apply("sufficiency.import.rule"),
                                words.apply("sufficiency.import.dfe-rule"),
                                words.apply("sufficiency.import.child"),
                                words.apply("sufficiency.import.file"),
                                words.apply("sufficiency.import.line"),
                                words.apply("sufficiency.import.message")),
                        words.apply("sufficiency.import.error"),
                        words.apply("sufficiency.import.warning"),
                        Words::of);
            } catch (ValidationException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(Words.of(invalid).get("reason"));
                reason.focus();
                return;
            }
            byte[] bytes = Csv.bytes(csv);
            Anchor download = new Anchor(
                    DownloadHandler.fromInputStream(event -> new DownloadResponse(
                            new ByteArrayInputStream(bytes),
                            "ssda903-problems-with-child-ids.csv",
                            "text/csv; charset=utf-8",
                            bytes.length)),
                    words.apply("sufficiency.import.with-ids.download"));
            download.setId("with-ids-download");
            download.addClassName("csv-link");
            reason.setReadOnly(true);
            reason.setInvalid(false);
            prepare.setVisible(false);
            cancel.setText(words.apply("action.close"));
            dialog.add(new Paragraph(words.apply("sufficiency.import.with-ids.recorded")), download);
            // The link keeps its place in the tab order; focus moves to it for keyboard users.
            download.getElement().executeJs("this.focus()");
        });
        dialog.getFooter().add(cancel, prepare);
        return dialog;
    }
}
