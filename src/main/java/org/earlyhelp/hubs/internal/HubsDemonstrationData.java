package org.earlyhelp.hubs.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.earlyhelp.hubs.Hub;
import org.earlyhelp.hubs.HubMember;
import org.earlyhelp.hubs.HubStatus;
import org.earlyhelp.hubs.Organisation;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.OrganisationId;
import org.earlyhelp.shared.OrganisationType;
import org.earlyhelp.shared.demo.DemonstrationData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six illustrative neighbourhood hubs of a metropolitan borough, about 50,000 people each, with
 * their wards and mid-2015 populations (ONS, Open Government Licence), and partner organisations
 * of every type. The groupings are illustrative, not the council's official neighbourhoods.
 */
@Component
class HubsDemonstrationData implements DemonstrationData {

    /** The hub codes; the identity module's demonstration users and the Keycloak realm use them too. */
    static final List<Hub> HUBS = List.of(
            new Hub(
                    new HubId("north-dudley"),
                    "North Dudley (Sedgley, Coseley, Gornal)",
                    HubStatus.LIVE,
                    54_058,
                    9_602,
                    List.of("Coseley", "Gornal", "Sedgley", "Upper Gornal & Woodsetton")),
            new Hub(
                    new HubId("dudley-central"),
                    "Dudley Central & Netherton",
                    HubStatus.PILOT,
                    59_116,
                    13_370,
                    List.of("Castle & Priory", "Netherton & Holly Hall", "St. James's", "St. Thomas's")),
            new Hub(
                    new HubId("brierley-hill"),
                    "Brierley Hill, Quarry Bank & Amblecote",
                    HubStatus.PILOT,
                    52_612,
                    10_265,
                    List.of(
                            "Amblecote",
                            "Brierley Hill & Wordsley South",
                            "Quarry Bank & Dudley Wood",
                            "Wollaston & Stourbridge Town")),
            new Hub(
                    new HubId("kingswinford"),
                    "Kingswinford, Wordsley & Pensnett",
                    HubStatus.LIVE,
                    50_333,
                    8_956,
                    List.of(
                            "Brockmoor & Pensnett",
                            "Kingswinford North & Wall Heath",
                            "Kingswinford South",
                            "Wordsley North")),
            new Hub(
                    new HubId("stourbridge"),
                    "Stourbridge South, Lye & Cradley",
                    HubStatus.PLANNED,
                    51_158,
                    9_464,
                    List.of(
                            "Cradley North & Wollescote",
                            "Lye & Stourbridge North",
                            "Norton",
                            "Pedmore & Stourbridge East")),
            new Hub(
                    new HubId("halesowen"),
                    "Halesowen",
                    HubStatus.PLANNED,
                    49_054,
                    8_783,
                    List.of("Belle Vale", "Halesowen North", "Halesowen South", "Hayley Green & Cradley South")));

    private final HubRepository hubs;
    private final MemberRepository members;
    private final DemoAreas demoAreas;

    HubsDemonstrationData(HubRepository hubs, MemberRepository members, DemoAreas demoAreas) {
        this.hubs = hubs;
        this.members = members;
        this.demoAreas = demoAreas;
    }

    /** The hub teams, matching the identity module's demonstration accounts by user name. */
    private void loadTeams() {
        String[][] leads = {
            {"north-dudley", "lead.north-dudley", "Nadia Khan"},
            {"dudley-central", "lead.dudley-central", "Dan Morris"},
            {"brierley-hill", "lead.brierley-hill", "Bethan Price"},
            {"kingswinford", "lead.kingswinford", "Kiran Patel"},
            {"stourbridge", "lead.stourbridge", "Sam Evans"},
            {"halesowen", "lead.halesowen", "Hannah Jones"}
        };
        for (String[] lead : leads) {
            member(lead[0], lead[1], lead[2], "dudley-council", 0, true, true);
        }
        member("dudley-central", "teacher", "Tom Baker", "netherton-academy", 4, false, false);
        member("dudley-central", "health.visitor", "Hayley Green", "black-country-health", 8, false, false);
        member("brierley-hill", "health.visitor", "Hayley Green", "black-country-health", 6, false, false);
        member("north-dudley", "police.officer", "Paul Owen", "west-midlands-police", 3, false, false);
        member("brierley-hill", "housing.officer", "Helen Ward", "dudley-homes", 6, false, false);
        member("dudley-central", "cvs.worker", "Vic Adeyemi", "dudley-cvs", 10, false, false);
        member("north-dudley", "cvs.worker", "Vic Adeyemi", "dudley-cvs", 5, false, false);
        member("dudley-central", "family.worker", "Fran Lewis", "dudley-council", 15, false, false);
    }

    private void member(
            String hub,
            String username,
            String name,
            String organisation,
            int capacity,
            boolean lead,
            boolean safeguarding) {
        members.insertIfAbsent(new HubMember(
                new HubId(hub), username, name, new OrganisationId(organisation), "", capacity, lead, safeguarding, 0));
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public void load() {
        HUBS.forEach(hubs::insert);
        Set<HubId> everyHub = HUBS.stream().map(Hub::id).collect(Collectors.toSet());
        hubs.insert(organisation("dudley-council", "Dudley Council Early Help", OrganisationType.COUNCIL, everyHub));
        hubs.insert(organisation(
                "black-country-health",
                "Black Country Healthcare (health visiting)",
                OrganisationType.HEALTH,
                everyHub));
        hubs.insert(organisation(
                "west-midlands-police", "West Midlands Police (Dudley)", OrganisationType.POLICE, everyHub));
        hubs.insert(organisation("dudley-homes", "Dudley Council Housing", OrganisationType.HOUSING, everyHub));
        hubs.insert(organisation(
                "dudley-cvs", "Dudley Council for Voluntary Service", OrganisationType.VOLUNTARY, everyHub));
        hubs.insert(organisation(
                "sedgley-primary",
                "Sedgley Park Primary (demo)",
                OrganisationType.SCHOOL,
                Set.of(hub("north-dudley"))));
        hubs.insert(organisation(
                "netherton-academy",
                "Netherton Academy (demo)",
                OrganisationType.SCHOOL,
                Set.of(hub("dudley-central"))));
        hubs.insert(organisation(
                "quarry-bank-primary",
                "Quarry Bank Primary (demo)",
                OrganisationType.SCHOOL,
                Set.of(hub("brierley-hill"))));
        hubs.insert(organisation(
                "wordsley-high", "Wordsley High School (demo)", OrganisationType.SCHOOL, Set.of(hub("kingswinford"))));
        hubs.insert(organisation(
                "lye-youth-project",
                "Lye Youth Project (demo)",
                OrganisationType.VOLUNTARY,
                Set.of(hub("stourbridge"))));
        hubs.insert(organisation(
                "halesowen-college", "Halesowen College (demo)", OrganisationType.SCHOOL, Set.of(hub("halesowen"))));
        loadTeams();
        demoAreas.loadIfNoAreas();
    }

    private static HubId hub(String code) {
        return new HubId(code);
    }

    private static Organisation organisation(String id, String name, OrganisationType type, Set<HubId> hubs) {
        return new Organisation(new OrganisationId(id), name, type, hubs);
    }
}
