package org.earlyhelp.portal.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.earlyhelp.shared.database.ConnectionPool;
import org.springframework.transaction.CannotCreateTransactionException;

/** No connection could be had to start a transaction: the database is down or refusing. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class TransactionDownView extends DatabaseUnavailablePage
        implements HasErrorParameter<CannotCreateTransactionException> {

    public TransactionDownView(ConnectionPool pool) {
        super(pool);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<CannotCreateTransactionException> parameter) {
        return explain(parameter.getException());
    }
}
