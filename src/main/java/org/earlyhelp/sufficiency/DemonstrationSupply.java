package org.earlyhelp.sufficiency;

import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.DemonstrationSupplyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is still made up from the demonstration: returns, and the supply beside them (the Ofsted
 * list of demonstration homes, their contracts, the supply figures and the foster carers). Once a
 * council imports its own returns, the made-up supply must not be set against its real need:
 * the pages say what is made up, and a commissioner removes it, after a confirmation.
 * Commissioners and administrators.
 */
@Service
public class DemonstrationSupply {

    /** What is made up, by kind; all 0 once a council's data has replaced it. */
    public record Held(long children, long providers, long contracts, long supplyFigures, long carers) {

        /** Whether any made-up supply is held. */
        public boolean anySupply() {
            return providers + contracts + supplyFigures + carers > 0;
        }

        /** Whether anything at all is made up. */
        public boolean any() {
            return children > 0 || anySupply();
        }
    }

    private final DemonstrationSupplyRepository repository;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    DemonstrationSupply(DemonstrationSupplyRepository repository, CurrentUsers currentUsers, AuditTrail audit) {
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Held held() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.held();
    }

    /**
     * Removes the made-up supply (homes, contracts, supply figures, foster carers), all or
     * nothing, and records it. Refused while the returns themselves are still the made-up ones:
     * the demonstration's need and supply go together until the council's returns replace them.
     *
     * @return what was removed
     */
    @Transactional
    public Held removeSupply() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Held before = held();
        if (before.children() > 0) {
            throw new IllegalStateException("The returns are still the demonstration's own: import the council's"
                    + " returns first, then remove the made-up supply.");
        }
        repository.deleteSupply();
        audit.record(
                AuditAction.DELETE,
                "demonstration-supply",
                "sufficiency",
                null,
                null,
                before.providers() + " homes, " + before.contracts() + " contracts, " + before.supplyFigures()
                        + " supply figures, " + before.carers() + " foster carers");
        return before;
    }
}
