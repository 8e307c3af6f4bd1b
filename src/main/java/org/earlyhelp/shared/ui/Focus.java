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
     * Focuses the heading (or other landmark text) now, after an action that rebuilt the part of
     * the page holding the control the person used. Runs once the browser has the new content.
     */
    public static void now(Component heading) {
        focusableHeading(heading).getElement().executeJs("this.focus()");
    }

    /**
     * Focuses the heading once a dialog that is closing now has finished and given focus back to
     * the control that opened it (which may be gone).
     */
    public static void afterDialog(Component heading) {
        // Again later only if focus is still lost (on the page itself): a busy browser may finish
        // closing the dialog late, and a person who has moved on keeps their place.
        focusableHeading(heading)
                .getElement()
                .executeJs("const h = this;"
                        + " const lost = () => !document.activeElement || document.activeElement === document.body;"
                        + " setTimeout(() => h.focus(), 400);"
                        + " setTimeout(() => { if (lost()) h.focus(); }, 1000);"
                        + " setTimeout(() => { if (lost()) h.focus(); }, 2500);");
    }
}
