package org.earlyhelp.referrals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How the case page saves a form: runs it, then says it is done or shows its problems. */
@FunctionalInterface
interface CaseAct {
    void run(Runnable action, Map<String, ? extends Component> fields, @Nullable Paragraph errors, String done);
}
