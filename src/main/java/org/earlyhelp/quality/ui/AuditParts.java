package org.earlyhelp.quality.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.earlyhelp.quality.AuditFramework;
import org.earlyhelp.quality.Grade;

/** What the audit's forms share: a grade in words, and a domain with its question and descriptors. */
final class AuditParts {

    private AuditParts() {}

    static String grade(Component on, Grade g) {
        return on.getTranslation("quality.grade." + g.key());
    }

    static Component question(Component on, int i, AuditFramework.Domain d) {
        Div box = new Div();
        box.add(new H3(on.getTranslation("quality.audit.domain", i + 1, d.name())));
        box.add(new Paragraph(on.getTranslation("quality.framework.question", d.question())));
        UnorderedList descriptors = new UnorderedList(
                new ListItem(grade(on, Grade.OUTSTANDING) + ": " + d.outstanding()),
                new ListItem(grade(on, Grade.GOOD) + ": " + d.good()),
                new ListItem(grade(on, Grade.REQUIRES_IMPROVEMENT) + ": " + d.requiresImprovement()),
                new ListItem(grade(on, Grade.INADEQUATE) + ": " + d.inadequate()));
        box.add(new Details(on.getTranslation("quality.audit.descriptors"), descriptors));
        return box;
    }
}
