package org.earlyhelp.portal.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.earlyhelp.shared.ui.Page;

/** A page that does not exist, or that this person may not see. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Page implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        setHeading(getTranslation("not-found.title"));
        add(new Paragraph(getTranslation("not-found.text")));
        add(new Anchor("", getTranslation("error.home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
