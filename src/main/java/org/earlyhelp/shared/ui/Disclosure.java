package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import java.util.function.Supplier;

/**
 * A {@link Details} whose content is built the first time someone opens it. A table offered as
 * the alternative to a chart costs nothing in the session until it is asked for: a closed
 * disclosure holds no grid, no rows and no client state.
 */
public final class Disclosure {

    private Disclosure() {}

    public static Details of(String summary, Supplier<? extends Component> content) {
        Details details = new Details(summary);
        details.addOpenedChangeListener(e -> {
            if (e.isOpened() && details.getContent().findAny().isEmpty()) {
                details.add(content.get());
            }
        });
        return details;
    }
}
