package org.earlyhelp.portal.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.earlyhelp.audit.AuditTrail;

/** A page this person's role does not allow: a clear refusal. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends RefusalPage implements HasErrorParameter<AccessDeniedException> {

    AccessDeniedView(AuditTrail audit) {
        super(audit);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return refuse(event, "the page is not open to this role");
    }
}
