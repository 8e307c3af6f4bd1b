package org.earlyhelp.portal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.earlyhelp.audit.AuditTrail;
import org.springframework.security.access.AccessDeniedException;

/** An action a service refused for this person: the same clear refusal as for a page. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class RefusedView extends RefusalPage implements HasErrorParameter<AccessDeniedException> {

    RefusedView(AuditTrail audit) {
        super(audit);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return refuse(event, "a service refused: " + parameter.getException().getMessage());
    }
}
