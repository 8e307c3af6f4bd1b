-- Commissioners' settings for the forecast: named scenarios, weekly costs (by placement category
-- and provider group), and supply (places by placement category).

CREATE TABLE sufficiency.scenario (
    id                    UUID PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE,
    entry_factor          DOUBLE PRECISION NOT NULL DEFAULT 1,
    entries_added_a_year  DOUBLE PRECISION NOT NULL DEFAULT 0,
    exit_factor           DOUBLE PRECISION NOT NULL DEFAULT 1,
    move_factor           DOUBLE PRECISION NOT NULL DEFAULT 1,
    discharge_at_home     INTEGER NOT NULL DEFAULT 0,
    friends_to_sgo        INTEGER NOT NULL DEFAULT 0,
    early_help_reduction  DOUBLE PRECISION NOT NULL DEFAULT 0,
    created_by            TEXT NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sufficiency.weekly_cost (
    category        TEXT NOT NULL,
    provider_group  TEXT NOT NULL,
    weekly_cost     NUMERIC(10, 2) NOT NULL CHECK (weekly_cost >= 0),
    source          TEXT NOT NULL,
    PRIMARY KEY (category, provider_group)
);

-- Defaults: the CMA's 2021 market study for children's homes and independent fostering; the
-- rest are placeholders for the council to replace with its own figures (marked as such).
INSERT INTO sufficiency.weekly_cost (category, provider_group, weekly_cost, source) VALUES
    ('Placed with parents', 'own', 0, 'no placement cost'),
    ('Placed with parents', 'external', 0, 'no placement cost'),
    ('Placed with parents', 'family', 0, 'no placement cost'),
    ('Family and friends fostering', 'own', 300, 'placeholder: replace with the council''s allowance'),
    ('Family and friends fostering', 'external', 300, 'placeholder'),
    ('Family and friends fostering', 'family', 300, 'placeholder'),
    ('Other fostering', 'own', 450, 'placeholder: in-house fostering'),
    ('Other fostering', 'external', 820, 'CMA 2021: independent fostering agency'),
    ('Other fostering', 'family', 450, 'placeholder'),
    ('Children''s homes', 'own', 3830, 'CMA 2021: children''s home (placeholder for own homes)'),
    ('Children''s homes', 'external', 3830, 'CMA 2021: children''s home'),
    ('Children''s homes', 'family', 3830, 'CMA 2021'),
    ('Supported and independent living', 'own', 900, 'placeholder'),
    ('Supported and independent living', 'external', 1300, 'placeholder'),
    ('Supported and independent living', 'family', 900, 'placeholder'),
    ('Placed for adoption', 'own', 250, 'placeholder'),
    ('Placed for adoption', 'external', 250, 'placeholder'),
    ('Placed for adoption', 'family', 250, 'placeholder'),
    ('Other placements', 'own', 1500, 'placeholder'),
    ('Other placements', 'external', 2500, 'placeholder'),
    ('Other placements', 'family', 1500, 'placeholder');

CREATE TABLE sufficiency.supply (
    category  TEXT PRIMARY KEY,
    places    INTEGER NOT NULL CHECK (places >= 0),
    note      TEXT
);
