package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.shared.ui.Page;
import org.springframework.security.access.AccessDeniedException;

/** An action a service refused for this person: the same clear refusal as for a page. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class RefusedView extends Page implements HasErrorParameter<AccessDeniedException> {

    public RefusedView() {
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
