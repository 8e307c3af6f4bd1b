package org.earlyhelp.referrals.ui;

import static org.earlyhelp.referrals.ui.Texts.t;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import java.util.Locale;
import org.earlyhelp.referrals.CaseRecord;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.ui.Data;
import org.earlyhelp.shared.ui.Words;
import org.earlyhelp.voice.AgeBand;
import org.earlyhelp.voice.Invitation;
import org.earlyhelp.voice.InvitationKind;
import org.earlyhelp.voice.Invitations;

/** The case page's form that invites a child of the family to give feedback: a code, a link and a QR code. */
class CaseInvitationForm extends Div {

    CaseInvitationForm(Invitations invitations, CaseRecord record) {
        Select<AgeBand> band = new Select<>();
        band.setLabel(t("voice.band"));
        band.setItems(AgeBand.values());
        band.setItemLabelGenerator(b -> getTranslation("voice.band." + b.name().toLowerCase(Locale.ROOT)));
        band.setId("case-voice-band");
        Div made = new Div();
        Button invite = new Button(t("voice.invite"), e -> {
            try {
                Invitation invitation = invitations.create(
                        InvitationKind.CASE,
                        record.hub(),
                        record.id().value(),
                        record.familyLabel(),
                        band.getValue(),
                        null);
                made.removeAll();
                made.add(
                        new Paragraph(t("voice.code", invitation.displayCode())),
                        Data.mark(new Anchor(invitations.link(invitation), invitations.link(invitation))),
                        new Html(invitations.qrSvg(invitation, getTranslation("voice.invitations.qr"))));
            } catch (ValidationException invalid) {
                Notification.show(String.join(" ", Words.of(invalid).values()), 6000, Notification.Position.MIDDLE);
            }
        });
        invite.setId("case-voice-invite");
        add(new FormLayout(band), invite, made);
    }
}
