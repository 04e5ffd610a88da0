package org.autocollections.ruleset;

import java.util.List;

/** Where a line of the wording file stands, as an analyst finds it in Excel. */
public final class WordingRows {

    private WordingRows() {
    }

    /** The 1-based row of the line that starts so, as Excel numbers the rows of the CSV file. */
    public static int rowOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace("\uFEFF", "").startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }
}
