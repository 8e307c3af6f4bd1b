-- The council's register of foster carers, as supply: approved places, vacancies and the ages
-- they are approved for. A reference only: carers' names are not needed here.
CREATE TABLE sufficiency.foster_carer (
    reference        TEXT PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('in-house', 'family and friends')),
    approved_places  INTEGER NOT NULL CHECK (approved_places BETWEEN 1 AND 10),
    vacancies        INTEGER NOT NULL CHECK (vacancies >= 0),
    age_from         INTEGER NOT NULL CHECK (age_from BETWEEN 0 AND 17),
    age_to           INTEGER NOT NULL CHECK (age_to BETWEEN 0 AND 17),
    CHECK (vacancies <= approved_places),
    CHECK (age_from <= age_to)
);
