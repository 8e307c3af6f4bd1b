package org.earlyhelp.sufficiency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.hubs.PostcodeSectors;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.imports.CsvReader;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.SectorPositionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where postcode sectors are across the country, so that distances to placements outside the
 * borough can be worked out. Imported from a CSV of postcodes or sectors with their latitude and
 * longitude (the ONS Postcode Directory's {@code pcds}, {@code lat} and {@code long} columns, or
 * {@code sector}, {@code latitude}, {@code longitude}); postcodes are averaged by sector. An
 * import replaces what was held, all or nothing. Commissioners and administrators only.
 */
@Service
public class SectorPositions {

    private static final int PROBLEMS_SHOWN = 5;

    /** What an import saved. */
    public record Imported(String file, long rows, int sectors) {}

    /** Problems reported before the file is refused. */
    private final SectorPositionRepository positions;

    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    SectorPositions(SectorPositionRepository positions, CurrentUsers currentUsers, AuditTrail audit) {
        this.positions = positions;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    /** How many sectors are held. */
    @Transactional(readOnly = true)
    public int count() {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return positions.count();
    }

    /**
     * Replaces the positions with those in the file.
     *
     * @throws ImportException naming the lines that are wrong; nothing is changed
     */
    @Transactional
    public Imported importCsv(String file, byte[] csv) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<Message> problems = new ArrayList<>();
        long rows = 0;
        try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(csv))) {
            Optional<Integer> code = reader.column(
                    h -> List.of("pcds", "pcd", "postcode", "sector").contains(h));
            Optional<Integer> lat =
                    reader.column(h -> List.of("lat", "latitude").contains(h));
            Optional<Integer> lon =
                    reader.column(h -> List.of("long", "lon", "longitude").contains(h));
            if (code.isEmpty() || lat.isEmpty() || lon.isEmpty()) {
                throw new ImportException(new Message("sufficiency.import.0-needs-postcode-sector-column", file));
            }
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows++;
                String text = row.get(code.get());
                Optional<String> sector = PostcodeSectors.sectorOf(text);
                double latitude;
                double longitude;
                try {
                    latitude = Double.parseDouble(row.get(lat.get()));
                    longitude = Double.parseDouble(row.get(lon.get()));
                } catch (NumberFormatException e) {
                    latitude = Double.NaN;
                    longitude = Double.NaN;
                }
                if (sector.isEmpty()) {
                    problems.add(new Message("sufficiency.positions.not-a-sector", row.line(), text));
                } else if (!(latitude >= 49 && latitude <= 61 && longitude >= -9 && longitude <= 3)) {
                    // The ONS directory gives 99.999999 for postcodes with no grid reference: skip those.
                    if (latitude == 99.999999) {
                        continue;
                    }
                    problems.add(new Message("sufficiency.positions.not-in-the-uk", row.line()));
                } else {
                    double[] sum = sums.computeIfAbsent(sector.get(), s -> new double[3]);
                    sum[0] += latitude;
                    sum[1] += longitude;
                    sum[2]++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(new Message(
                    problems.size() > PROBLEMS_SHOWN
                            ? "sufficiency.positions.more-problems"
                            : "sufficiency.positions.problems",
                    file,
                    problems.size(),
                    List.copyOf(problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())))));
        }
        if (sums.isEmpty()) {
            throw new ImportException(new Message("sufficiency.import.0-no-postcodes-with-position", file));
        }
        List<Object[]> values = new ArrayList<>(sums.size());
        sums.forEach((sector, s) -> values.add(new Object[] {sector, s[0] / s[2], s[1] / s[2], (int) s[2]}));
        positions.replaceAll(values);
        audit.record(
                AuditAction.IMPORT, "sector-positions", file, null, null, rows + " rows, " + sums.size() + " sectors");
        return new Imported(file, rows, sums.size());
    }

    /** Every position held, by sector. Callers check the role. */
    Map<String, double[]> all() {
        return positions.all();
    }
}
