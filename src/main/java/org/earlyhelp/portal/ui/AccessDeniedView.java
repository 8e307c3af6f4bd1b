package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.shared.ui.Page;

/** A page this person's role does not allow: a clear refusal. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends Page implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        setHeading(getTranslation("access-denied.title"));
        add(new Paragraph(getTranslation("access-denied.text")));
        add(new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
