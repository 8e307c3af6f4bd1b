package org.earlyhelp.insight.internal;

import org.earlyhelp.referrals.AssessmentCompleted;
import org.earlyhelp.referrals.CaseAllocated;
import org.earlyhelp.referrals.CaseClosed;
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

/** Feeds the read models from the referrals and voice modules' events, after their transaction commits. */
@Component
class JourneyListener {

    private final Projections projections;

    JourneyListener(Projections projections) {
        this.projections = projections;
    }

    @ApplicationModuleListener
    void on(RequestSubmitted event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(RequestDecided event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(CaseAllocated event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(AssessmentCompleted event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(ReviewHeld event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(ContactLogged event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(SteppedUp event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(CaseClosed event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(RecordsErased event) {
        projections.apply(event);
    }

    @ApplicationModuleListener
    void on(FamiliesLinked event) {
        patiently(() -> projections.apply(event));
    }

    @ApplicationModuleListener
    void on(ThemeConfirmed event) {
        patiently(() -> projections.apply(event));
    }

    /**
     * Events published together (a request and its decision, say) reach their listeners on
     * separate threads, so one about a record not taken in yet waits a moment and tries again
     * before giving up; a publication that still fails stays incomplete and is delivered later.
     */
    private static void patiently(Runnable apply) {
        for (int attempt = 1; ; attempt++) {
            try {
                apply.run();
                return;
            } catch (Projections.NotSeenYet e) {
                if (attempt == 10) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
