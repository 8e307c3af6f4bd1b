-- Small statistical areas (LSOAs), their deprivation, boundaries and electoral ward; each
-- belongs to at most one hub. Wards are kept with their boundaries to place areas in them.
CREATE TABLE hubs.ward (
    code      TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    boundary  JSONB
);

CREATE TABLE hubs.area (
    code                        TEXT PRIMARY KEY,
    name                        TEXT NOT NULL,
    population                  INTEGER NOT NULL CHECK (population >= 0),
    children                    INTEGER NOT NULL CHECK (children >= 0),
    imd_rank                    INTEGER CHECK (imd_rank > 0),
    imd_decile                  SMALLINT CHECK (imd_decile BETWEEN 1 AND 10),
    income_decile               SMALLINT CHECK (income_decile BETWEEN 1 AND 10),
    employment_decile           SMALLINT CHECK (employment_decile BETWEEN 1 AND 10),
    education_decile            SMALLINT CHECK (education_decile BETWEEN 1 AND 10),
    health_decile               SMALLINT CHECK (health_decile BETWEEN 1 AND 10),
    crime_decile                SMALLINT CHECK (crime_decile BETWEEN 1 AND 10),
    housing_decile              SMALLINT CHECK (housing_decile BETWEEN 1 AND 10),
    living_environment_decile   SMALLINT CHECK (living_environment_decile BETWEEN 1 AND 10),
    centroid_lat                DOUBLE PRECISION,
    centroid_lon                DOUBLE PRECISION,
    boundary                    JSONB,
    ward_code                   TEXT REFERENCES hubs.ward (code),
    hub_id                      TEXT REFERENCES hubs.hub (id),
    version                     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX area_hub_idx ON hubs.area (hub_id);
CREATE INDEX area_ward_idx ON hubs.area (ward_code);

-- Postcode to area, from the ONS Postcode Directory; postcodes stored in their standard form
-- ("DY1 1AA": outward code, one space, inward code).
CREATE TABLE hubs.postcode (
    postcode   TEXT PRIMARY KEY,
    area_code  TEXT NOT NULL REFERENCES hubs.area (code)
);
CREATE INDEX postcode_area_idx ON hubs.postcode (area_code);

ALTER TABLE hubs.hub ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
