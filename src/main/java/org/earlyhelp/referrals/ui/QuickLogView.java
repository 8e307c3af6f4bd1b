package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.earlyhelp.referrals.CaseSummary;
import org.earlyhelp.referrals.Cases;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.WorkingCalendar;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Page;
import org.earlyhelp.shared.ui.View;

/** Logging a visit, session or call in a few taps, on a phone, straight after it happened. */
@View
@Route("log")
@Menu(order = 7, title = "menu.quick-log")
@RolesAllowed(Role.PRACTITIONER_AUTHORITY)
class QuickLogView extends Page {

    QuickLogView(Cases cases, Clock clock) {
        super("");
        setHeading(t("quick.title"));
        addClassName("quick-log");
        List<CaseSummary> mine = cases.myCases();
        if (mine.isEmpty()) {
            Paragraph empty = new Paragraph(t("quick.empty"));
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        Select<CaseSummary> family = Data.mark(new Select<>());
        family.setLabel(t("quick.family"));
        family.setItems(mine);
        family.setItemLabelGenerator(CaseSummary::familyLabel);
        family.setId("quick-family");
        family.setWidthFull();
        if (mine.size() == 1) {
            family.setValue(mine.getFirst());
        }
        Paragraph choose = new Paragraph();
        choose.addClassName("field-error");
        add(
                family,
                choose,
                new ContactForm(
                        cases,
                        () -> {
                            if (family.getValue() == null) {
                                family.setInvalid(true);
                                family.setErrorMessage(t("quick.choose"));
                                throw new ValidationException(Map.of("case", new Message("referrals.quick.choose")));
                            }
                            family.setInvalid(false);
                            return family.getValue().id();
                        },
                        () -> Notification.show(t("log.saved"), 4000, Notification.Position.BOTTOM_START),
                        WorkingCalendar.today(clock)));
    }
}
