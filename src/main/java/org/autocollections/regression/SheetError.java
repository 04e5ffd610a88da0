package org.autocollections.regression;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is wrong in a scenario sheet, and where: the file, the row (1 is the header) and the column (A, B, ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SheetError")
public record SheetError(
        @Schema(example = "scenarios.csv") String file,
        @Schema(example = "3") Integer row,
        @Schema(example = "C") String column,
        @Schema(description = "The column's header: the case field or expectation it stands for.", example = "loan.overdueAmount") String field,
        @Schema(example = "must be a number, not 'abc'") String message) {

    @Override
    public String toString() {
        return file + (row == null ? "" : " row " + row) + (column == null ? "" : ", column " + column)
                + (field == null ? "" : " (" + field + ")") + ": " + message;
    }
}
