package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.autocollections.tables.PolicyFile;

/**
 * The "Rating bands" table of the risk-rating decision table, as CSV: each rating's probability of default, and a
 * copy of the file with some of them changed. The copy differs from the original in those cells only, so the draft
 * it becomes shows the analyst a one-column change. A workbook (.xlsx) is not rewritten: its owner edits it in Excel.
 */
final class RatingBandsTable {

    static final String FILE = "risk-rating.drl.csv";
    private static final String TITLE = "RuleTable Rating bands";
    private static final String RATING = "Rating";
    private static final String PD = "Probability of default";

    private final PolicyFile file;
    private final List<String> lines;
    /** Line index of each rating's row. */
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    private final Map<String, BigDecimal> pds = new LinkedHashMap<>();
    private int ratingColumn = -1;
    private int pdColumn = -1;

    private RatingBandsTable(PolicyFile file) {
        this.file = file;
        this.lines = List.of(new String(file.content(), StandardCharsets.UTF_8).split("\n", -1));
        int at = 0;
        while (at < lines.size() && !lines.get(at).strip().startsWith(TITLE)) {
            at++;
        }
        for (int i = at + 1; i < lines.size(); i++) {
            String[] cells = cells(lines.get(i));
            if (ratingColumn < 0) {
                ratingColumn = indexOf(cells, RATING);
                pdColumn = indexOf(cells, PD);
                if (ratingColumn >= 0 && pdColumn < 0) {
                    break;
                }
            } else if (cells.length > Math.max(ratingColumn, pdColumn) && !cells[ratingColumn].isBlank()) {
                rows.put(cells[ratingColumn].strip(), i);
                pds.put(cells[ratingColumn].strip(), new BigDecimal(cells[pdColumn].strip()));
            } else {
                break; // the blank row that ends the table
            }
        }
    }

    /** The active ruleset's rating bands, when its risk-rating table is a CSV file whose bands read. */
    static Optional<RatingBandsTable> in(List<PolicyFile> files) {
        return files.stream().filter(f -> f.path().endsWith(FILE)).findFirst().map(RatingBandsTable::new)
                .filter(t -> !t.pds.isEmpty());
    }

    Map<String, BigDecimal> probabilities() {
        return Map.copyOf(pds);
    }

    /** The file with these ratings' PDs replaced, every other byte as it was. */
    byte[] revised(Map<String, BigDecimal> revisions) {
        List<String> out = new ArrayList<>(lines);
        revisions.forEach((rating, pd) -> {
            int line = rows.get(rating);
            String[] cells = cells(out.get(line));
            cells[pdColumn] = pd.toPlainString();
            out.set(line, String.join(",", cells));
        });
        return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
    }

    String path() {
        return file.path();
    }

    /** A band's row holds no quoted cell, so a comma always separates cells; a trailing \r is kept with the last. */
    private static String[] cells(String line) {
        return line.contains("\"") ? new String[0] : line.split(",", -1);
    }

    private static int indexOf(String[] cells, String label) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].strip().equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
