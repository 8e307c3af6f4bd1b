package org.earlyhelp.sufficiency;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.earlyhelp.audit.AuditAction;
import org.earlyhelp.audit.AuditTrail;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.Role;
import org.earlyhelp.shared.imports.ImportException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.earlyhelp.sufficiency.internal.ProviderRepository;
import org.earlyhelp.sufficiency.internal.Xlsx;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supply from Ofsted's provider lists (the children's homes and social care providers
 * spreadsheets): each sheet's providers with their URN, kind, sector, local authority, postcode,
 * status and, where the list gives it, capacity. An import replaces what the same list held, all
 * or nothing. Occupancy: how many of the council's children are placed at each listed provider.
 */
@Service
public class Providers {

    /** What an import found. */
    public record Imported(String file, int providers, Map<String, Integer> bySheet, List<String> notes) {}

    /** Providers by kind and sector, with places where known and the council's children placed there. */
    public record Summary(String kind, String sector, long providers, long places, long childrenPlaced) {}

    private final ProviderRepository providers;
    private final CurrentUsers currentUsers;
    private final AuditTrail audit;

    Providers(ProviderRepository providers, CurrentUsers currentUsers, AuditTrail audit) {
        this.providers = providers;
        this.currentUsers = currentUsers;
        this.audit = audit;
    }

    @Transactional
    public Imported importList(String file, byte[] workbook) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        Map<String, List<List<String>>> sheets = Xlsx.read(workbook);
        Map<String, Integer> bySheet = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<List<String>>> sheet : sheets.entrySet()) {
            List<List<String>> table = sheet.getValue();
            if (table.isEmpty()) {
                continue;
            }
            List<String> header = table.getFirst().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT).strip())
                    .toList();
            int urn = header.indexOf("urn");
            int name = first(header, "setting name", "provider name", "setting_name");
            int kind = first(header, "provider type", "provision type");
            int subtype = first(header, "provider subtype", "setting category");
            int sector = first(header, "sector");
            int la = first(header, "local authority", "setting local authority", "provider local authority");
            int postcode = first(header, "postcode area", "setting postcode", "provider postcode");
            int status = first(header, "provider status", "registration status", "setting status");
            int places = first(header, "capacity", "places", "number of places", "maximum users");
            if (urn < 0 || name < 0 || kind < 0) {
                notes.add(sheet.getKey() + ": not a list of providers (no URN, name or type column), so not read.");
                continue;
            }
            int count = 0;
            for (List<String> row : table.subList(1, table.size())) {
                String u = cell(row, urn);
                if (u.isBlank()) {
                    continue;
                }
                String n = cell(row, name);
                if (n.isBlank()) {
                    throw new ImportException(
                            new Message("sufficiency.import.0-sheet-1-provider-2", file, sheet.getKey(), u));
                }
                Integer p = null;
                String pText = cell(row, places);
                if (!pText.isBlank() && !pText.equals("-")) {
                    try {
                        p = (int) Math.round(Double.parseDouble(pText));
                    } catch (NumberFormatException e) {
                        throw new ImportException(
                                new Message("sufficiency.import.0-sheet-1-capacity-2", file, sheet.getKey(), pText, u));
                    }
                }
                String k = cell(row, kind);
                String sub = cell(row, subtype);
                rows.add(new Object[] {
                    u,
                    file + " / " + sheet.getKey(),
                    n,
                    k.isBlank() ? "Unknown" : k + (sub.isBlank() || sub.equals("No") ? "" : " (" + sub + ")"),
                    blank(cell(row, sector)),
                    blank(cell(row, la)),
                    blank(cell(row, postcode)),
                    blank(cell(row, status)),
                    p
                });
                count++;
            }
            bySheet.put(sheet.getKey(), count);
        }
        providers.replaceList(file, rows);
        audit.record(AuditAction.IMPORT, "ofsted-providers", file, null, null, rows.size() + " providers");
        return new Imported(file, rows.size(), bySheet, notes);
    }

    /** Providers by kind and sector, with the council's children placed with them on the date. */
    @Transactional(readOnly = true)
    public List<Summary> summary(LocalDate on) {
        currentUsers.requireAnyOf(Role.COMMISSIONER, Role.ADMIN);
        return providers.summary(on);
    }

    private static int first(List<String> header, String... names) {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int column) {
        return column < 0 || column >= row.size() ? "" : row.get(column);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() || s.equals("-") ? null : s;
    }
}
