package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.grid.Grid;

/** How tall a list is: short lists show every row, long ones scroll inside a fixed height. */
public final class Grids {

    /** Lists up to this many rows are shown whole, without a scroll bar of their own. */
    public static final int SHOWN_WHOLE = 12;

    private Grids() {}

    /**
     * Shows every row of a short list; a long list gets a fixed height and scrolls, so the browser
     * and the session hold only the rows in view (and their buttons), not hundreds of them.
     */
    public static void fit(Grid<?> grid, int rows) {
        if (rows <= SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setAllRowsVisible(false);
            grid.setHeight("32rem");
        }
    }
}
