package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.shared.ui.Page;

/** The clear refusal shown when a person's role does not allow what they asked for. */
abstract class RefusalPage extends Page {

    RefusalPage() {
        super("");
    }

    /** Shows the refusal and returns the HTTP status to answer with. */
    int refuse() {
        setHeading(getTranslation("access-denied.title"));
        Paragraph text = new Paragraph(getTranslation("access-denied.text"));
        text.setId("refused");
        add(text);
        add(new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
