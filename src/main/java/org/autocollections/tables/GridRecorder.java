package org.autocollections.tables;

import org.drools.template.parser.DataListener;

/** Records what a Drools spreadsheet parser reads into a {@link SheetGrid}. */
final class GridRecorder implements DataListener {

    private final SheetGrid grid;

    GridRecorder(SheetGrid grid) {
        this.grid = grid;
    }

    @Override
    public void startSheet(String name) {
    }

    @Override
    public void finishSheet() {
    }

    @Override
    public void newRow(int rowNumber, int columns) {
        grid.newRow(rowNumber, columns);
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        grid.put(row, column, value, mergedColStart);
    }
}
