package org.autocollections.validation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.autocollections.api.Classification;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.ContactPurpose;
import org.autocollections.api.Employment;
import org.autocollections.api.GpsTracking;
import org.autocollections.api.Hardship;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Language;
import org.autocollections.api.LegalStage;
import org.autocollections.api.NextActionType;
import org.autocollections.api.PlanType;
import org.autocollections.api.RecommendedChannel;
import org.autocollections.api.RiskRating;
import org.autocollections.api.BorrowerFlag;
import org.autocollections.policy.CaseFacts;
import org.autocollections.ruleset.Wording;
import org.autocollections.tables.ExcelCellText;
import org.autocollections.tables.PolicyFile;
import org.autocollections.tables.SheetGrid;
import org.autocollections.tables.TableConverter;
import org.autocollections.tables.TableFormat;
import org.autocollections.tables.TableReader;
import org.drools.decisiontable.parser.ActionType;

/**
 * A decision table as the workbook an analyst edits in Excel. It holds exactly the cells the table holds (so it comes
 * back unchanged when uploaded unchanged), and guides the edit: the code rows are locked by sheet protection while
 * the data cells stay open, a column whose values are a closed set offers them in a drop-down, numbers carry a format
 * for days, amounts and rates, the header stays in view, and a notes sheet gives the table's notes and each column's
 * title in English and Chinese.
 * <p>
 * A closed set is found, not listed by hand: a condition on a yes/no or enum field of the fact (through
 * {@link FieldTypes}); a condition on a fact another table makes ({@code name == "$param"} on an
 * {@code OverdueBucket}) takes the names that table gives; otherwise a column all of whose values are constants of one
 * of the service's enums (channels, actions, ratings, ...) offers that enum's constants. The number format is chosen
 * so that reading the cell gives back the table's text exactly ({@link ExcelCellText}); where no format would, the
 * cell stays text.
 */
public final class TableWorkbook {

    /** The sheet with the table's notes and its columns' titles in every language. */
    public static final String NOTES_SHEET = "Notes 说明";
    /** The hidden sheet the drop-down lists read their values from. */
    public static final String LISTS_SHEET = "Lists";

    /** Enums whose constants a table column may be drawn from. */
    private static final List<Class<? extends Enum<?>>> VOCABULARIES = List.of(RecommendedChannel.class,
            ContactChannel.class, NextActionType.class, RiskRating.class, Classification.class, BorrowerFlag.class,
            Jurisdiction.class, Hardship.class, GpsTracking.class, PlanType.class, LegalStage.class,
            ContactOutcome.class, ContactPurpose.class, Employment.class,
            org.autocollections.policy.ContactLimit.Kind.class,
            org.autocollections.policy.LimitationInterruption.Event.class);
    private static final List<String> YES_NO = List.of("true", "false");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_+]*");
    private static final Pattern FIELD = Pattern.compile("^\\s*([a-z]\\w*)\\s*(==|>=|<=|>|<|!=)\\s*\"?\\$param\"?\\s*$");
    private static final Pattern MADE_BY = Pattern.compile("new\\s+(\\w+)\\s*\\(\\s*\"\\$param\"");
    private static final Pattern NAMED = Pattern.compile("^\\s*name\\s*==\\s*\"\\$param\"\\s*$");
    private static final Pattern DAYS = Pattern.compile("\\bdays?\\b");
    private static final Pattern RATE = Pattern.compile("\\b(rate|probability|discount|share|ratio)\\b");
    private static final Pattern AMOUNT = Pattern.compile("\\b(amount|balance|income|fee|principal)\\b");
    private static final Pattern PARAMETER = Pattern.compile("[a-z]\\w*(\\.[a-z]\\w*)+");
    /** Rows below the last table left open, so rows can be added at its end. */
    private static final int OPEN_ROWS_BELOW = 200;

    private final TableConverter converter = new TableConverter();
    private final TableReader reader = new TableReader();
    private final FieldTypes fieldTypes = new FieldTypes(CaseFacts.class.getClassLoader());

    /** One data column's guidance: its values to choose from (empty: any) and its titles. */
    private record Guide(SheetLayout.Column column, List<String> choices, String kind) {
    }

    /**
     * The table as a guided workbook. {@code versionFiles} are the files of the version it belongs to: their wording
     * gives the titles in Chinese, and their other tables the names a condition may compare with.
     */
    public byte[] write(PolicyFile table, List<PolicyFile> versionFiles) {
        Wording wording = Wording.ofFiles(versionFiles);
        Map<String, List<String>> made = namesMadeByTables(versionFiles);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(converter.toXlsx(table)));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String ours : List.of(NOTES_SHEET, LISTS_SHEET)) {
                int index = workbook.getSheetIndex(ours);
                if (index >= 0) {
                    workbook.removeSheetAt(index); // written afresh below
                }
            }
            List<SheetGrid> grids = reader.read(TableFormat.XLSX, toBytes(workbook));
            Styles styles = new Styles(workbook);
            Lists lists = new Lists(workbook);
            List<String[]> notes = new ArrayList<>();
            for (SheetGrid grid : grids) {
                if (!SheetLayout.hasTable(grid)) {
                    continue;
                }
                SheetLayout layout = SheetLayout.of(grid);
                XSSFSheet sheet = workbook.getSheet(grid.name());
                guide(sheet, layout, made, wording, styles, lists, notes);
            }
            writeNotes(workbook, table, grids, notes, wording, styles);
            lists.finish();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("A table read a moment ago cannot be written as a workbook", e);
        }
    }

    private void guide(XSSFSheet sheet, SheetLayout layout, Map<String, List<String>> made, Wording wording,
            Styles styles, Lists lists, List<String[]> notes) {
        int width = 0;
        Set<Integer> dataRows = new LinkedHashSet<>();
        for (SheetLayout.Table table : layout.tables()) {
            width = Math.max(width, table.columns().isEmpty() ? 0 : table.columns().lastKey() + 1);
            dataRows.addAll(table.dataRows());
        }
        int lastRow = sheet.getLastRowNum();
        Map<Integer, Integer> widths = new TreeMap<>();
        // every cell of the sheet is locked but the data cells; open ones below the last table let rows be added
        for (int r = 0; r <= lastRow; r++) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            boolean data = dataRows.contains(r);
            for (int c = 0; c < Math.max(width, row.getLastCellNum()); c++) {
                Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                cell.setCellStyle(data ? styles.open("@") : styles.locked);
            }
        }
        for (int c = 0; c < width; c++) {
            sheet.setDefaultColumnStyle(c, styles.open("@"));
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        String imports = String.join(",", layout.setting("Import"));
        List<String> importList = Arrays.stream(imports.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String rulesetPackage = layout.setting("RuleSet").stream().findFirst().orElse("");
        SheetLayout.Table last = layout.tables().get(layout.tables().size() - 1);
        for (SheetLayout.Table table : layout.tables()) {
            int titleRow = table.nameRow() + SheetLayout.TITLE_ROW;
            for (SheetLayout.Column column : table.columns().values()) {
                Cell title = sheet.getRow(titleRow).getCell(column.index());
                title.setCellStyle(styles.title);
                List<String> values = table.dataRows().stream().map(r -> layout.text(r, column.index()))
                        .filter(v -> !v.isEmpty()).toList();
                List<String> choices = choices(column, values, importList, rulesetPackage, made);
                String zhCn = wording.columnTitle(column.title(), Language.ZH_CN).orElse("");
                String zhTw = wording.columnTitle(column.title(), Language.ZH_TW).orElse("");
                if (!zhCn.isEmpty()) {
                    Comment comment = drawing.createCellComment(anchor(sheet, titleRow, column.index()));
                    comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(zhCn + "\n" + zhTw));
                    title.setCellComment(comment);
                }
                Set<String> formats = new LinkedHashSet<>();
                for (int r : table.dataRows()) {
                    Cell cell = sheet.getRow(r).getCell(column.index());
                    String key = subject(layout.text(r, table.startColumn()), column.title());
                    number(cell, layout.text(r, column.index()), key, styles).ifPresent(formats::add);
                }
                String format = formats.size() > 1 ? "by row 按行" : String.join("", formats);
                int firstRow = table.dataRows().isEmpty() ? titleRow + 1 : table.dataRows().get(0);
                int lastDataRow = table == last ? lastRow + OPEN_ROWS_BELOW
                        : table.dataRows().isEmpty() ? firstRow : table.dataRows().get(table.dataRows().size() - 1);
                if (!choices.isEmpty()) {
                    dropDown(sheet, lists.range(choices), firstRow, lastDataRow, column.index());
                }
                int wide = displayWidth(column.title());
                for (String value : values) {
                    wide = Math.max(wide, displayWidth(value));
                }
                for (String choice : choices) {
                    wide = Math.max(wide, displayWidth(choice));
                }
                widths.merge(column.index(), wide, Math::max);
                notes.add(new String[] { sheet.getSheetName(), table.name(), SheetGrid.columnName(column.index()),
                        column.title(), zhCn, zhTw, String.join(" ", choices), format });
            }
        }
        widths.forEach((column, w) -> sheet.setColumnWidth(column, Math.min(Math.max(w, 10) + 2, 45) * 256));
        if (!layout.tables().isEmpty()) {
            sheet.createFreezePane(0, layout.tables().get(0).nameRow() + SheetLayout.TITLE_ROW + 1);
        }
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
        sheet.enableLocking();
    }

    /**
     * Writes a numeric data cell as a number with a format for what it holds, if reading it back gives the same text;
     * returns the format used.
     */
    private static Optional<String> number(Cell cell, String text, String key, Styles styles) {
        if (!NUMBER.matcher(text).matches() || !text.equals(cell.getStringCellValue())) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        String decimals = value.scale() > 0 ? "." + "0".repeat(value.scale()) : "";
        List<String> formats = new ArrayList<>();
        if (RATE.matcher(key).find()) {
            formats.add("0.00%");
        }
        formats.add((AMOUNT.matcher(key).find() ? "#,##0" : "0") + decimals);
        for (String format : formats) {
            if (ExcelCellText.number(value.doubleValue(), format).equals(text)) {
                cell.setCellValue(value.doubleValue());
                cell.setCellStyle(styles.open(format));
                return Optional.of(DAYS.matcher(key).find() && format.equals("0") ? "0 (days)" : format);
            }
        }
        return Optional.empty();
    }

    /**
     * What a number measures, in words to match: a parameter row's value is what the parameter's last word names
     * ({@code legal.demandNoticeDays}: days; {@code penalty.rateMultiplier}: a multiplier, not a rate), any other cell
     * what its column's title says.
     */
    static String subject(String rowKey, String title) {
        if (PARAMETER.matcher(rowKey).matches()) {
            String[] words = rowKey.substring(rowKey.lastIndexOf('.') + 1).split("(?=[A-Z])");
            return words[words.length - 1].toLowerCase(Locale.ROOT);
        }
        return title.toLowerCase(Locale.ROOT);
    }

    /** The closed set a column's values come from, or none. */
    private List<String> choices(SheetLayout.Column column, List<String> values, List<String> imports,
            String rulesetPackage, Map<String, List<String>> made) {
        if (column.code() != ActionType.Code.CONDITION && column.code() != ActionType.Code.ACTION) {
            return List.of();
        }
        if (column.code() == ActionType.Code.CONDITION && column.inPattern()) {
            Matcher field = FIELD.matcher(column.snippet());
            if (field.matches()) {
                Optional<Class<?>> type = fieldTypes.fieldType(column.pattern(), field.group(1), imports, rulesetPackage);
                if (type.isPresent() && (type.get() == boolean.class || type.get() == Boolean.class)) {
                    return YES_NO;
                }
                if (type.isPresent() && type.get().isEnum()) {
                    return Arrays.stream(type.get().getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
                }
            }
            if (NAMED.matcher(column.snippet()).matches()) {
                Optional<Class<?>> fact = fieldTypes.factType(column.pattern(), imports, rulesetPackage);
                if (fact.isPresent() && made.containsKey(fact.get().getSimpleName())) {
                    return made.get(fact.get().getSimpleName());
                }
            }
        }
        if (values.isEmpty() || !values.stream().allMatch(v -> CONSTANT.matcher(v).matches())) {
            return List.of();
        }
        if (values.stream().allMatch(YES_NO::contains)) {
            return YES_NO;
        }
        List<List<String>> holding = VOCABULARIES.stream()
                .map(e -> Arrays.stream(e.getEnumConstants()).map(Enum::name).toList())
                .filter(names -> names.containsAll(values)).toList();
        // several enums may hold the values (SMS is a contact channel and a recommended one): the one holding all
        // the others' constants, else none, rather than a guess
        return holding.stream().filter(big -> holding.stream().allMatch(big::containsAll)).findFirst().orElse(List.of());
    }

    /** The names each fact type is given by a table that makes it ({@code new OverdueBucket("$param", ...)}). */
    private Map<String, List<String>> namesMadeByTables(List<PolicyFile> files) {
        Map<String, List<String>> made = new HashMap<>();
        for (PolicyFile file : files) {
            if (!file.isTable()) {
                continue;
            }
            try {
                for (SheetGrid grid : reader.read(TableFormat.of(file.path()).orElseThrow(), file.content())) {
                    if (!SheetLayout.hasTable(grid)) {
                        continue;
                    }
                    SheetLayout layout = SheetLayout.of(grid);
                    for (SheetLayout.Table table : layout.tables()) {
                        for (SheetLayout.Column column : table.columns(ActionType.Code.ACTION)) {
                            Matcher m = MADE_BY.matcher(column.snippet());
                            if (m.find()) {
                                LinkedHashSet<String> names = new LinkedHashSet<>(made.getOrDefault(m.group(1), List.of()));
                                table.dataRows().stream().map(r -> layout.text(r, column.index()))
                                        .filter(v -> !v.isEmpty()).forEach(names::add);
                                made.put(m.group(1), List.copyOf(names));
                            }
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a table that does not read names nothing; its own download reports it
            }
        }
        return made;
    }

    private static void dropDown(Sheet sheet, String range, int firstRow, int lastRow, int column) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.setShowErrorBox(true);
        validation.createErrorBox("Not in the list 不在列表中", "Choose a value from the list. 请从列表中选择。請從清單中選擇。");
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static ClientAnchor anchor(Sheet sheet, int row, int column) {
        ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setRow1(row);
        anchor.setRow2(row + 3);
        anchor.setCol1(column + 1);
        anchor.setCol2(column + 4);
        return anchor;
    }

    /** Characters as Excel's column width counts them: a Chinese character takes two. */
    private static int displayWidth(String text) {
        return text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
    }

    private static void writeNotes(XSSFWorkbook workbook, PolicyFile table, List<SheetGrid> grids, List<String[]> columns,
            Wording wording, Styles styles) {
        Sheet sheet = workbook.createSheet(NOTES_SHEET);
        int r = 0;
        cell(sheet, r++, 0, table.path().replaceFirst(".*/", ""), styles.title);
        for (SheetGrid grid : grids) {
            if (!SheetLayout.hasTable(grid)) {
                continue;
            }
            for (String note : SheetLayout.of(grid).setting("Notes")) {
                cell(sheet, r, 0, "Notes", styles.title);
                cell(sheet, r++, 1, note, styles.wrapped);
            }
        }
        String name = TableFormat.withoutSuffix(table.path()).replaceFirst(".*/", "");
        for (Language language : List.of(Language.ZH_CN, Language.ZH_TW)) {
            Optional<String> notes = wording.tableNotes(name, language);
            if (notes.isPresent()) {
                cell(sheet, r, 0, language == Language.ZH_CN ? "说明" : "說明", styles.title);
                cell(sheet, r++, 1, notes.get(), styles.wrapped);
            }
        }
        cell(sheet, r++, 0, "Grey cells are the table's code and are locked; white cells are its values. "
                + "灰色单元格是表格的代码，已锁定；白色单元格是数值。灰色儲存格是表格的程式碼，已鎖定；白色儲存格是數值。", styles.locked);
        r++;
        String[] header = { "Sheet 工作表", "Table 表", "Column 列", "Title", "标题", "標題", "Values 可选值", "Format 格式" };
        for (int c = 0; c < header.length; c++) {
            cell(sheet, r, c, header[c], styles.title);
        }
        r++;
        for (String[] column : columns) {
            for (int c = 0; c < column.length; c++) {
                cell(sheet, r, c, column[c], styles.locked);
            }
            r++;
        }
        int[] widths = { 18, 30, 8, 30, 20, 20, 50, 12 };
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.setColumnWidth(1, 100 * 256);
    }

    private static void cell(Sheet sheet, int row, int column, String text, CellStyle style) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    private static byte[] toBytes(XSSFWorkbook workbook) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook's few cell styles, made once: Excel limits how many a workbook may hold. */
    private static final class Styles {
        private final XSSFWorkbook workbook;
        final CellStyle locked;
        final CellStyle title;
        final CellStyle wrapped;
        private final Map<String, CellStyle> open = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            locked = workbook.createCellStyle();
            locked.setLocked(true);
            locked.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            locked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            title = workbook.createCellStyle();
            title.cloneStyleFrom(locked);
            Font bold = workbook.createFont();
            bold.setBold(true);
            title.setFont(bold);
            title.setWrapText(true);
            title.setBorderBottom(BorderStyle.THIN);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
        }

        /** An unlocked style with a number format ({@code @} for text). */
        CellStyle open(String format) {
            return open.computeIfAbsent(format, f -> {
                CellStyle style = workbook.createCellStyle();
                style.setLocked(false);
                style.setDataFormat(workbook.createDataFormat().getFormat(f));
                return style;
            });
        }
    }

    /** The hidden sheet of drop-down values, one column per distinct list. */
    private static final class Lists {
        private final XSSFWorkbook workbook;
        private final Map<List<String>, String> ranges = new LinkedHashMap<>();
        private Sheet sheet;

        Lists(XSSFWorkbook workbook) {
            this.workbook = workbook;
        }

        String range(List<String> values) {
            return ranges.computeIfAbsent(values, v -> {
                if (sheet == null) {
                    sheet = workbook.createSheet(LISTS_SHEET);
                }
                int column = ranges.size();
                for (int r = 0; r < v.size(); r++) {
                    Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                    row.createCell(column, CellType.STRING).setCellValue(v.get(r));
                }
                String letter = SheetGrid.columnName(column);
                return "'" + LISTS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + v.size();
            });
        }

        void finish() {
            if (sheet != null) {
                workbook.setSheetOrder(LISTS_SHEET, workbook.getNumberOfSheets() - 1);
                workbook.setSheetVisibility(workbook.getSheetIndex(LISTS_SHEET), SheetVisibility.HIDDEN);
            }
        }
    }
}
