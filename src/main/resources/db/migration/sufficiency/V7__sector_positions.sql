-- Where postcode sectors are, nationally (for example from the ONS Postcode Directory, averaged
-- by sector): so that the distance to a placement outside the borough can be worked out.
CREATE TABLE sufficiency.sector_position (
    sector     TEXT PRIMARY KEY,
    latitude   DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN 49 AND 61),
    longitude  DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -9 AND 3),
    postcodes  INTEGER NOT NULL CHECK (postcodes > 0)
);
