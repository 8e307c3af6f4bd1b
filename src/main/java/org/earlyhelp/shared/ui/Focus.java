package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * Where keyboard focus goes after an action removes the control that had it (a row's button, a
 * form rebuilt after saving): onto a heading of the part of the page the person was working in,
 * rather than falling to the page, where a keyboard or screen reader user loses their place.
 */
public final class Focus {

    private Focus() {}

    /** Lets a heading take focus from script (not by tabbing). */
    public static <T extends Component> T focusableHeading(T heading) {
        heading.getElement().setAttribute("tabindex", "-1");
        return heading;
    }

    /**
     * Focuses the heading once a dialog that is closing now has finished and given focus back to
     * the control that opened it (which may be gone).
     */
    public static void afterDialog(Component heading) {
        focusableHeading(heading).getElement().executeJs("setTimeout(() => this.focus(), 400)");
    }
}
