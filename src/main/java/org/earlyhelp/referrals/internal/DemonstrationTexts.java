package org.earlyhelp.referrals.internal;

import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.OutcomeArea;

/** The made-up words of the demonstration families: their needs, outcomes, what children said. */
final class DemonstrationTexts {

    private DemonstrationTexts() {}

    static final Map<OutcomeArea, String> NEED_TEXT = Map.of(
            OutcomeArea.EDUCATION, "Attendance has fallen to 82% this term; often late.",
            OutcomeArea.EARLY_YEARS, "Speech and language behind for age; not taking up the free nursery place.",
            OutcomeArea.HEALTH, "Mother's low mood; the eldest has missed health appointments.",
            OutcomeArea.SUBSTANCE_USE, "Father's drinking has increased since losing his job.",
            OutcomeArea.FAMILY_RELATIONSHIPS, "Arguments at home; the children are anxious.",
            OutcomeArea.SAFE_FROM_ABUSE, "Teenager out late with older young people; missing once.",
            OutcomeArea.CRIME, "Anti-social behaviour warnings for the eldest.",
            OutcomeArea.DOMESTIC_ABUSE, "Police attended a domestic incident last month (standard risk).",
            OutcomeArea.HOUSING, "Rent arrears; a notice has been served.",
            OutcomeArea.FINANCIAL_STABILITY, "Debts and no money for the gas meter some weeks.");

    static final Map<OutcomeArea, String> OUTCOME_TEXT = Map.of(
            OutcomeArea.EDUCATION, "The children attend school at least 95% of days.",
            OutcomeArea.EARLY_YEARS, "The youngest takes up the nursery place and speech improves.",
            OutcomeArea.HEALTH, "Mother has support for her mood; appointments are kept.",
            OutcomeArea.SUBSTANCE_USE, "Father is engaged with the alcohol service.",
            OutcomeArea.FAMILY_RELATIONSHIPS, "Fewer arguments; the children say home feels calmer.",
            OutcomeArea.SAFE_FROM_ABUSE, "The teenager is home by the agreed time and not missing.",
            OutcomeArea.CRIME, "No further warnings.",
            OutcomeArea.DOMESTIC_ABUSE, "Mother and children are safe and have a safety plan.",
            OutcomeArea.HOUSING, "The family keeps its home with an arrears plan.",
            OutcomeArea.FINANCIAL_STABILITY, "Debts are managed; the family has the benefits it is owed.");

    static final List<String> CHILD_VIEWS = List.of(
            "I like it when we play football.",
            "Mornings are better now.",
            "I want to stay at my school.",
            "I don't like the shouting.",
            "The youth club is good.");

    static final String SUPERVISION_DISCUSSED =
            "Progress against the plan, the child's views from the last visits, and attendance.";
    static final String SUPERVISION_DECIDED = "Carry on with the plan; the lead practitioner to visit weekly.";

    static final List<String> SURNAMES = List.of(
            "Ashworth",
            "Begum",
            "Carter",
            "Dhillon",
            "Evans",
            "Fletcher",
            "Griffiths",
            "Hussain",
            "Iqbal",
            "Jones",
            "Kowalski",
            "Lloyd",
            "Mahmood",
            "Nowak",
            "O'Brien",
            "Patel",
            "Quinn",
            "Rahman",
            "Singh",
            "Taylor",
            "Usman",
            "Walker",
            "Young",
            "Zielinski",
            "Bennett",
            "Cooper",
            "Davies",
            "Edwards",
            "Foster",
            "Green",
            "Harris",
            "Jackson",
            "Khan",
            "Lewis",
            "Morgan",
            "Nash",
            "Owen",
            "Price",
            "Roberts",
            "Smith",
            "Turner",
            "Ward",
            "Wright",
            "Ali",
            "Brown",
            "Clarke",
            "Dunn",
            "Ellis",
            "Finch",
            "Gray",
            "Hall",
            "Ingram",
            "James",
            "Kaur",
            "Lane",
            "Mills",
            "Noble",
            "Oakes",
            "Parry",
            "Reid",
            "Shaw",
            "Thomas",
            "Vaughan",
            "Webb",
            "Yates",
            "Abbott",
            "Barnes",
            "Cole",
            "Dixon",
            "Ferguson",
            "Gill",
            "Hart",
            "Irwin",
            "Jordan",
            "Knight",
            "Lowe",
            "Marsh",
            "Nicholls",
            "Osborne",
            "Palmer",
            "Rees",
            "Stevens",
            "Tucker",
            "Underwood",
            "Vickers",
            "Wilson",
            "Bird",
            "Chapman");
    static final List<String> ADULTS = List.of(
            "Jade", "Kerry", "Amina", "Paul", "Gemma", "Lee", "Shazia", "Mark", "Natalie", "Dean", "Sobia", "Claire");
    static final List<String> CHILDREN = List.of(
            "Leo", "Mia", "Ayaan", "Ruby", "Jayden", "Amelia", "Zain", "Lily", "Tyler", "Aisha", "Oliver", "Poppy",
            "Harley", "Maryam", "Riley", "Evie");
    static final List<String> REFERRERS = List.of(
            "teacher|Tom Baker|Netherton Academy",
            "health.visitor|Hayley Green|Black Country Healthcare",
            "police.officer|Paul Owen|West Midlands Police",
            "housing.officer|Helen Ward|Dudley Homes",
            "cvs.worker|Vic Adeyemi|Dudley CVS");
}
