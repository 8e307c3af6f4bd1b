package org.earlyhelp.insight.internal;

import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseClosed;
import org.earlyhelp.referrals.CaseSupervised;
import org.earlyhelp.referrals.ContactLogged;
import org.earlyhelp.referrals.FamiliesLinked;
import org.earlyhelp.referrals.RequestDecided;
import org.earlyhelp.referrals.RequestSubmitted;
import org.earlyhelp.referrals.ReviewHeld;
import org.earlyhelp.referrals.SteppedUp;
import org.earlyhelp.shared.events.RecordsErased;
import org.earlyhelp.voice.ThemeConfirmed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the read models from the referrals and voice modules' events, after their transaction
 * commits, in whatever order they arrive (see {@link Projections}).
 */
@Component
class JourneyListener {

    private final Projections projections;

    JourneyListener(Projections projections) {
        this.projections = projections;
    }

    @ApplicationModuleListener
    void on(RequestSubmitted event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(RequestDecided event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(CaseAllocated event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(ReviewHeld event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(ContactLogged event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(SteppedUp event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(CaseSupervised event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(CaseClosed event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(RecordsErased event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(FamiliesLinked event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(ThemeConfirmed event) {
        projections.apply(event);
    }
}
