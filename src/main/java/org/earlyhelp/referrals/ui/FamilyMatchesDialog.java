package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.Consumer;
import org.earlyhelp.referrals.FamilyId;
import org.earlyhelp.referrals.FamilyMatch;
import org.jspecify.annotations.Nullable;

/**
 * The families a new request may be about, offered before it is sent: linking to one of them, or
 * sending it as a new family. Only families the person may read are offered.
 */
final class FamilyMatchesDialog extends Dialog {

    /** {@code send} is given the family to link to, or {@code null} for a new family. */
    FamilyMatchesDialog(List<FamilyMatch> matches, Consumer<@Nullable FamilyId> send) {
        setHeaderTitle(t("match.title"));
        setWidth("min(40rem, 95vw)");
        add(new Paragraph(t("match.intro")));
        for (FamilyMatch match : matches) {
            Div card = new Div();
            card.addClassName("home-section");
            FamilyId family = match.family();
            card.add(new H3(match.label() + " · " + match.hubName()));
            card.add(new Paragraph(match.openCase() ? t("match.open-case") : t("match.no-open-case")));
            UnorderedList matched = new UnorderedList();
            match.matchedOn().forEach(m -> matched.add(new ListItem(m)));
            card.add(matched);
            Button link = new Button(t("match.link", match.label()), e -> {
                close();
                send.accept(family);
            });
            link.addClassName("match-link");
            card.add(link);
            add(card);
        }
        Button none = new Button(t("match.none"), e -> {
            close();
            send.accept(null);
        });
        none.setId("match-none");
        getFooter().add(new Button(t("match.back"), e -> close()), none);
    }
}
