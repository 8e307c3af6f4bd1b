package org.earlyhelp.portal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.earlyhelp.shared.database.ConnectionPool;
import org.springframework.dao.DataAccessResourceFailureException;

/** The database refused or dropped a connection while a page was being built. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class DatabaseDownView extends DatabaseUnavailablePage
        implements HasErrorParameter<DataAccessResourceFailureException> {

    public DatabaseDownView(ConnectionPool pool) {
        super(pool);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<DataAccessResourceFailureException> parameter) {
        return explain(parameter.getException());
    }
}
