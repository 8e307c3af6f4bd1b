package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.ui.Page;

/**
 * The clear refusal shown when a person's role or work does not allow what they asked for; the
 * refused attempt is audited with the address asked for.
 */
abstract class RefusalPage extends Page {

    private final transient AuditTrail audit;

    RefusalPage(AuditTrail audit) {
        super("");
        this.audit = audit;
    }

    /** Shows the refusal, records it, and returns the HTTP status to answer with. */
    int refuse(BeforeEnterEvent event, String why) {
        audit.refused(AuditAction.OPEN_PAGE, "page", "/" + event.getLocation().getPathWithQueryParameters(), null, why);
        setHeading(getTranslation("access-denied.title"));
        Paragraph text = new Paragraph(getTranslation("access-denied.text"));
        text.setId("refused");
        add(text);
        add(new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
