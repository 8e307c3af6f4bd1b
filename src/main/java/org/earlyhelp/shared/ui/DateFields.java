package org.earlyhelp.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Locale;

/**
 * Date fields for forms, in the UK's day/month/year. Typing a date does not open the calendar
 * (it opens from its button or the down arrow): people type dates as often as they pick them,
 * and a calendar opened while typing hides the rest of the page from screen readers until it
 * closes, which a form rebuilt after saving could cut short.
 */
public final class DateFields {

    private DateFields() {}

    public static DatePicker of(String label) {
        DatePicker picker = new DatePicker(label);
        picker.setLocale(Locale.UK);
        picker.setAutoOpen(false);
        return picker;
    }
}
