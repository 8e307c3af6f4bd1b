package org.earlyhelp.sufficiency;

import java.util.List;
import java.util.Map;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.SupplyRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the council can place children in, as the forecast sets need against it: places by
 * placement category and a weekly cost per category and provider group. Commissioners and
 * administrators keep them; every change is audited.
 */
@Service
public class PlacementSupply {

    /** The provider groups a weekly cost is kept for. */
    public static final List<String> PROVIDER_GROUPS = List.of("own", "external", "family");

    private final SupplyRepository repository;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    PlacementSupply(SupplyRepository repository, CurrentUsers currentUsers, AuditTrail audit) {
        this.repository = repository;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /** Weekly costs by category and provider group (own, external, family), with their sources. */
    @Transactional(readOnly = true)
    public Map<PlacementCategory, Map<String, Double>> weeklyCosts() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.weeklyCosts();
    }

    @Transactional
    public void setWeeklyCost(@Nullable PlacementCategory category, String group, double cost) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        PlacementCategory known = requireCategory(category);
        if (cost < 0 || cost > 50_000) {
            throw new ValidationException(
                    Map.of("cost", new Message("sufficiency.problem.cost.weekly-cost-from-0-50")));
        }
        if (!PROVIDER_GROUPS.contains(group)) {
            throw new ValidationException(
                    Map.of("group", new Message("sufficiency.problem.group.choose-provider-group")));
        }
        repository.setWeeklyCost(known, group, cost);
        audit.record(
                AuditAction.SET_COST, "weekly-cost", known.english() + "/" + group, null, null, String.valueOf(cost));
    }

    /** Places available by category (in-house carers' places, homes' beds, contracted and block beds). */
    @Transactional(readOnly = true)
    public Map<PlacementCategory, Integer> supply() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return repository.supply();
    }

    @Transactional
    public void setSupply(@Nullable PlacementCategory category, int places) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        PlacementCategory known = requireCategory(category);
        if (places < 0 || places > 100_000) {
            throw new ValidationException(
                    Map.of("places", new Message("sufficiency.problem.places.places-from-0-100-000")));
        }
        repository.setSupply(known, places);
        audit.record(AuditAction.SET_SUPPLY, "supply", known.english(), null, null, String.valueOf(places));
    }

    private static PlacementCategory requireCategory(@Nullable PlacementCategory category) {
        if (category == null) {
            throw new ValidationException(
                    Map.of("category", new Message("sufficiency.problem.category.choose-placement-category")));
        }
        return category;
    }
}
