package org.autocollections.portfolio;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.autocollections.api.Message;
import org.autocollections.api.RaisedProblem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * CSV: a header row naming the fields, then one case per row, parsed as a stream of rows by Jackson's CSV module
 * (RFC 4180 quoting, a cell may span lines). The line of a row is where the row starts.
 */
final class CsvSource implements CaseSource {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .disable(CsvParser.Feature.ALLOW_TRAILING_COMMA)
            .build();

    private final JsonParser parser;
    private final JsonNodeFactory nodes;
    private CsvColumns columns;
    private boolean stopped;
    private boolean broken;

    CsvSource(Reader in, JsonNodeFactory nodes) throws IOException {
        this.parser = CSV.getFactory().createParser(in);
        this.nodes = nodes;
    }

    @Override
    public CaseLine next() throws IOException {
        if (stopped) {
            return null;
        }
        long line = parser.currentLocation().getLineNr();
        try {
            if (columns == null) {
                List<String> header = row();
                if (header == null) {
                    stopped = true;
                    return null; // an empty body: nothing to import
                }
                columns = CsvColumns.of(header);
            }
            List<String> cells = row();
            if (cells == null) {
                stopped = true;
                return null;
            }
            line = rowLine;
            if (cells.size() != columns.size()) {
                return CaseLine.unreadable(line, columns.caseId(cells),
                        RaisedProblem.of("malformed-csv", "Malformed CSV row", 400,
                                Message.of("malformed-csv.detail.cells", cells.size(), columns.size())));
            }
            return CaseLine.read(line, columns.toJson(cells, nodes));
        } catch (JsonProcessingException e) {
            // The quoting is broken: where the next row starts cannot be known, so the rest of the file is not read.
            stopped = true;
            broken = true;
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            return CaseLine.unreadable(at, RaisedProblem.of("malformed-csv", "Malformed CSV", 400,
                    Message.of("malformed-csv.detail.quoting", e.getOriginalMessage())));
        }
    }

    private long rowLine;

    /** The cells of the next row, or null at the end of the file. Each row is an array of strings to the parser. */
    private List<String> row() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalStateException("expected the start of a CSV row, got " + token);
        }
        List<String> cells = new ArrayList<>(columns == null ? 16 : columns.size());
        rowLine = -1;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (rowLine < 0) {
                rowLine = parser.currentTokenLocation().getLineNr(); // where the row's first cell starts
            }
            String cell = parser.getText();
            if (columns == null && cells.isEmpty() && cell.startsWith("\uFEFF")) {
                cell = cell.substring(1); // a byte-order mark before the header
            }
            cells.add(cell);
        }
        return cells;
    }

    @Override
    public boolean stoppedEarly() {
        return broken;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
