package org.autocollections.tables;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * The text a workbook cell stands for, read the way an analyst meant it rather than the way Drools' parser prints it.
 * Excel keeps a number as a binary double and shows it through a format, so Drools would read a rate shown as
 * {@code 1.50 %} as {@code 0.015} but {@code 30} shown as {@code 30.00} as {@code 30.00}, a date as a day count, and a
 * formula by recalculating it with POI's engine, which may not know the function. Here:
 * <ul>
 * <li>a number is its value to Excel's 15 significant digits, with as many decimals as its format shows when the
 * format fixes them ({@code 1.5} shown as {@code 0.00} is {@code 1.50}, as the analyst sees it); a percentage is its
 * value ({@code 0.015}), since the rules take shares as decimals;</li>
 * <li>a date is ISO-8601 ({@code 2026-03-31}, or {@code 2026-03-31T14:30} with a time of day);</li>
 * <li>a formula is its cached value, the one Excel computed and showed when it saved, read by the same rules;</li>
 * <li>text loses the spaces around it, which no analyst means and which would make {@code "PHONE "} miss.</li>
 * </ul>
 */
public final class ExcelCellText {

    /** Excel shows and computes numbers to 15 significant digits; beyond that a double's digits are noise. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private ExcelCellText() {
    }

    /** The cell's text; empty for a cell the parser should report as it does (blank, an error value). */
    static Optional<String> of(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> Optional.of(cell.getStringCellValue().strip());
            case BOOLEAN -> Optional.of(Boolean.toString(cell.getBooleanCellValue()));
            case NUMERIC -> Optional.of(DateUtil.isCellDateFormatted(cell) ? date(cell.getLocalDateTimeCellValue())
                    : number(cell.getNumericCellValue(), cell.getCellStyle().getDataFormatString()));
            case ERROR -> cell.getCellType() == CellType.FORMULA
                    ? Optional.of(FormulaError.forInt(cell.getErrorCellValue()).getString()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    static String date(LocalDateTime value) {
        return value.toLocalTime().toSecondOfDay() == 0 ? value.toLocalDate().toString() : value.format(DATE_TIME);
    }

    /** A number as a cell of this format is read: {@code 1.5} in {@code 0.00} is {@code 1.50}. */
    public static String number(double value, String format) {
        BigDecimal number = new BigDecimal(value, EXCEL_DIGITS).stripTrailingZeros();
        if (number.scale() < 0) {
            number = number.setScale(0);
        }
        int shown = decimalsShown(format);
        if (shown > number.scale()) {
            number = number.setScale(shown);
        }
        return number.toPlainString();
    }

    /**
     * How many decimals a number format fixes: {@code 0.00} and {@code #,##0.00} two, {@code General} none. A
     * percentage shows the value a hundred times larger, so its decimals say nothing about the value's: none.
     */
    static int decimalsShown(String format) {
        if (format == null) {
            return 0;
        }
        String section = unquoted(format).split(";", -1)[0];
        if (section.contains("%")) {
            return 0;
        }
        int point = section.indexOf('.');
        if (point < 0) {
            return 0;
        }
        int decimals = 0;
        for (int i = point + 1; i < section.length() && section.charAt(i) == '0'; i++) {
            decimals++;
        }
        return decimals;
    }

    /** A format without its quoted literals and escaped characters, which never count as digits. */
    private static String unquoted(String format) {
        return format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^]]*]", "");
    }
}
