package org.earlyhelp.sufficiency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.Forecasts.Projection;
import org.earlyhelp.sufficiency.internal.ForecastRepository;
import org.earlyhelp.sufficiency.internal.StockFlowModel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The council's register of foster carers, for commissioners: each carer's places, vacancies and
 * the ages they are approved for, and a forecast's fostering need set against them by age band.
 */
@Service
public class FosterCarers {

    /** A foster carer on the council's register: a reference, places, vacancies and ages. */
    public record Carer(String reference, String kind, int approvedPlaces, int vacancies, int ageFrom, int ageTo) {}

    /** Fostering need at the end of a projection against carers' places, by age band. */
    public record AgeGap(String ageBand, double need, int approvedPlaces, int vacancies) {}

    private final ForecastRepository repository;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    FosterCarers(ForecastRepository repository, CurrentUsers currentUsers, AuditTrail audit) {
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Carer> carers() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.carers();
    }

    /** Adds or updates a carer on the register, with each field checked. */
    @Transactional
    public void saveCarer(Carer c) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, Message> problems = new LinkedHashMap<>();
        if (c.reference() == null || !c.reference().strip().matches("[A-Za-z0-9-]{1,20}")) {
            problems.put("reference", new Message("sufficiency.problem.reference.reference-up-20-letters-digits"));
        }
        if (!List.of("in-house", "family and friends").contains(c.kind())) {
            problems.put("kind", new Message("sufficiency.problem.kind.choose-house-family-friends"));
        }
        if (c.approvedPlaces() < 1 || c.approvedPlaces() > 10) {
            problems.put("approvedPlaces", new Message("sufficiency.problem.approvedplaces.approved-places-from-1-10"));
        }
        if (c.vacancies() < 0 || c.vacancies() > c.approvedPlaces()) {
            problems.put("vacancies", new Message("sufficiency.problem.vacancies.vacancies-from-0-approved-places"));
        }
        if (c.ageFrom() < 0 || c.ageTo() > 17 || c.ageFrom() > c.ageTo()) {
            problems.put("ages", new Message("sufficiency.problem.ages.ages-from-0-17-first"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        repository.upsertCarer(c);
        audit.record(AuditAction.SAVE_CARER, "foster-carer", c.reference().strip(), null, null, null);
    }

    @Transactional
    public void removeCarer(String reference) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        repository.deleteCarer(reference);
        audit.record(AuditAction.REMOVE_CARER, "foster-carer", reference, null, null, null);
    }

    /**
     * Fostering (family and friends and other fostering) by age band at the horizon, against the
     * register's approved places and vacancies for carers approved for any age in the band (a
     * carer approved for several bands counts in each, so places are an upper bound).
     */
    @Transactional(readOnly = true)
    public List<AgeGap> fosteringGapByAge(Projection projection) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        List<Carer> carers = repository.carers();
        int[][] bands = {{0, 0}, {1, 4}, {5, 9}, {10, 15}, {16, 17}};
        List<AgeGap> gaps = new ArrayList<>();
        Map<String, Double> needByAge = projection.last().fosteringByAge();
        for (int b = 0; b < bands.length; b++) {
            int from = bands[b][0];
            int to = bands[b][1];
            int places = 0;
            int vacancies = 0;
            for (Carer c : carers) {
                if (c.ageFrom() <= to && c.ageTo() >= from) {
                    places += c.approvedPlaces();
                    vacancies += c.vacancies();
                }
            }
            String band = StockFlowModel.AGES.get(b);
            gaps.add(new AgeGap(band, needByAge.getOrDefault(band, 0.0), places, vacancies));
        }
        return gaps;
    }
}
