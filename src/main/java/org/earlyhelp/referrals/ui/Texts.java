package org.earlyhelp.referrals.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.shared.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/** Translations, dates and field messages shared by the referrals views. */
final class Texts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Texts() {}

    static String t(String key, Object... args) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation("referrals." + key, args);
    }

    /** An enum constant's label, from {@code referrals.<type>.<constant>}. */
    static String label(String type, @Nullable Enum<?> value) {
        return value == null
                ? ""
                : t(type + "." + value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String day(@Nullable LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    static String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(WorkingCalendar.LONDON));
    }

    /** A request's status; once its case is closed, that early help finished and how. */
    static String status(RequestSummary r) {
        return r.closedAs() == null ? label("status", r.status()) : t("status.closed", label("closure", r.closedAs()));
    }

    static String dayTime(@Nullable Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(WorkingCalendar.LONDON));
    }

    /**
     * Shows each problem next to its field, clearing fields that are now fine; returns the
     * problems no field took, to show together.
     */
    static List<String> show(Map<String, String> problems, Map<String, ? extends Component> fields) {
        List<String> rest = new ArrayList<>();
        for (Map.Entry<String, ? extends Component> f : fields.entrySet()) {
            if (f.getValue() instanceof HasValidation v) {
                String message = problems.get(f.getKey());
                v.setInvalid(message != null);
                v.setErrorMessage(message);
            }
        }
        for (Map.Entry<String, String> p : problems.entrySet()) {
            if (!fields.containsKey(p.getKey())) {
                rest.add(p.getValue());
            }
        }
        return rest;
    }
}
