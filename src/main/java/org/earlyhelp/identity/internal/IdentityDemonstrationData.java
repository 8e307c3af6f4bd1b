package org.earlyhelp.identity.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.identity.DemoAccount;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demonstration account for every role: a lead for each of the six hubs, practitioners from each
 * kind of partner, a commissioner, an administrator, a young person, and someone with no access.
 * Hub and organisation codes are those of the hubs module's demonstration data.
 */
@Component
public class IdentityDemonstrationData implements DemonstrationData {

    /** Shared by every demonstration account, and shown on the login page in demonstration mode. */
    public static final String DEMO_PASSWORD = "demo-early-help";

    private record Seed(DemoAccount account, @Nullable String organisation, Set<String> hubs) {}

    private static final List<Seed> SEEDS = List.of(
            seed("admin", "Alex Admin", Set.of(Role.ADMIN), "Administrator", "dudley-council", Set.of()),
            seed(
                    "commissioner",
                    "Chris Commissioner",
                    Set.of(Role.COMMISSIONER),
                    "Commissioner, placement sufficiency",
                    "dudley-council",
                    Set.of()),
            seed(
                    "lead.north-dudley",
                    "Nadia Khan",
                    Set.of(Role.HUB_LEAD),
                    "Hub lead, North Dudley",
                    "dudley-council",
                    Set.of("north-dudley")),
            seed(
                    "lead.dudley-central",
                    "Dan Morris",
                    Set.of(Role.HUB_LEAD),
                    "Hub lead, Dudley Central & Netherton (pilot)",
                    "dudley-council",
                    Set.of("dudley-central")),
            seed(
                    "lead.brierley-hill",
                    "Bethan Price",
                    Set.of(Role.HUB_LEAD),
                    "Hub lead, Brierley Hill (pilot)",
                    "dudley-council",
                    Set.of("brierley-hill")),
            seed(
                    "lead.kingswinford",
                    "Kiran Patel",
                    Set.of(Role.HUB_LEAD),
                    "Hub lead, Kingswinford",
                    "dudley-council",
                    Set.of("kingswinford")),
            seed(
                    "lead.stourbridge",
                    "Sam Evans",
                    Set.of(Role.HUB_LEAD),
                    "Hub lead, Stourbridge",
                    "dudley-council",
                    Set.of("stourbridge")),
            seed(
                    "lead.halesowen",
                    "Hannah Jones",
                    Set.of(Role.HUB_LEAD),
                    "Hub lead, Halesowen",
                    "dudley-council",
                    Set.of("halesowen")),
            seed(
                    "teacher",
                    "Tom Baker",
                    Set.of(Role.PRACTITIONER),
                    "Designated safeguarding lead, Netherton Academy",
                    "netherton-academy",
                    Set.of("dudley-central")),
            seed(
                    "health.visitor",
                    "Hayley Green",
                    Set.of(Role.PRACTITIONER),
                    "Health visitor",
                    "black-country-health",
                    Set.of("dudley-central", "brierley-hill")),
            seed(
                    "police.officer",
                    "Paul Owen",
                    Set.of(Role.PRACTITIONER),
                    "Neighbourhood police officer",
                    "west-midlands-police",
                    Set.of("north-dudley")),
            seed(
                    "housing.officer",
                    "Helen Ward",
                    Set.of(Role.PRACTITIONER),
                    "Tenancy support officer",
                    "dudley-homes",
                    Set.of("brierley-hill")),
            seed(
                    "cvs.worker",
                    "Vic Adeyemi",
                    Set.of(Role.PRACTITIONER),
                    "Youth worker, Dudley CVS",
                    "dudley-cvs",
                    Set.of("dudley-central", "north-dudley")),
            seed(
                    "family.worker",
                    "Fran Lewis",
                    Set.of(Role.PRACTITIONER),
                    "Family support worker, council early help",
                    "dudley-council",
                    Set.of("dudley-central")),
            seed("young.person", "Jay", Set.of(Role.YOUNG_PERSON), "A care leaver", null, Set.of()),
            seed("no.access", "Nia Nobody", Set.of(), "Signed in, but given no role yet", null, Set.of()));

    /** The demonstration accounts, in the order the login page lists them. */
    public static final List<DemoAccount> ACCOUNTS =
            SEEDS.stream().map(Seed::account).toList();

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    IdentityDemonstrationData(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional
    public void load() {
        String hash = null;
        for (Seed seed : SEEDS) {
            if (accounts.exists(seed.account().username())) {
                continue;
            }
            if (hash == null) {
                hash = passwordEncoder.encode(DEMO_PASSWORD);
            }
            accounts.insertIfAbsent(new Account(
                    seed.account().username(),
                    seed.account().displayName(),
                    hash,
                    seed.account().roles(),
                    seed.organisation() == null ? null : new OrganisationId(seed.organisation()),
                    seed.hubs().stream().map(HubId::new).collect(Collectors.toSet()),
                    true));
        }
    }

    private static Seed seed(
            String username,
            String name,
            Set<Role> roles,
            String description,
            @Nullable String organisation,
            Set<String> hubs) {
        return new Seed(new DemoAccount(username, name, roles, description), organisation, hubs);
    }
}
