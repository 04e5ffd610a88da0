// A decision table as the editor holds it: the lines of its CSV file, each a row of cells, told apart into code rows
// (settings, RuleTable, keywords, patterns, snippets), the title row analysts read, and the data rows they edit. The
// server reads a CSV table line by line (one line, one row), so the editor writes it the same way, keeping each row it
// did not change as the very line it read.

/** The cells of one CSV line: commas outside quotes separate, "" inside quotes is one quote. */
export function parseLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; }
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** One CSV line; a cell is quoted where its text needs it. Line breaks cannot be kept in a line-based table. */
export function formatLine(cells) {
  return cells.map(value => {
    const text = String(value ?? '').replace(/[\r\n]+/g, ' ');
    return /[",]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(',');
}

const blank = cells => cells.every(c => c.trim() === '');

/**
 * A sheet from a CSV file's text: rows {cells, kind: code|title|data, table, origin} and the rule tables in it
 * {name, width, fixed}. A table whose rows set named figures (PolicyParameter) has a fixed set of rows: its cells are
 * edited, no row added, removed or moved.
 */
export function readSheet(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const tables = [];
  const rows = lines.map((line, i) => ({ cells: parseLine(line), line, kind: 'code', table: null, origin: i }));
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i].cells[0].trim();
    if (!/^RuleTable\b/.test(first) || i + 4 >= rows.length) continue;
    const keywords = rows[i + 1].cells;
    const snippets = rows[i + 3].cells.join(',');
    let width = keywords.length;
    while (width > 0 && keywords[width - 1].trim() === '') width--;
    const table = tables.length;
    tables.push({ name: first.replace(/^RuleTable\s*/, ''), width, fixed: /PolicyParameter/.test(snippets), title: i + 4 });
    rows[i + 4].kind = 'title';
    rows[i + 4].table = table;
    for (let j = i + 5; j < rows.length && !blank(rows[j].cells) && !/^RuleTable\b/.test(rows[j].cells[0].trim()); j++) {
      rows[j].kind = 'data';
      rows[j].table = table;
      while (rows[j].cells.length < width) rows[j].cells.push('');
    }
  }
  return { rows, tables };
}

/** The CSV text of the rows; a row as it was read keeps its very line, so the code rows go back byte for byte. */
export function writeSheet(rows, base) {
  return rows.map(row => {
    const was = row.origin === null ? null : base[row.origin];
    return was && sameCells(was.cells, row.cells) ? was.line : formatLine(row.cells);
  }).join('\n') + '\n';
}

function sameCells(a, b) {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if ((a[i] ?? '') !== (b[i] ?? '')) return false;
  return true;
}

/** Whether a data cell differs from the version the table was opened from (a new row's cells all do). */
export function changed(row, column, base) {
  if (row.kind !== 'data') return false;
  if (row.origin === null) return true;
  return (base[row.origin].cells[column] ?? '') !== (row.cells[column] ?? '');
}

/** What the edit changes against the version opened: cells changed in kept rows, rows added, rows removed. */
export function changeCount(rows, base) {
  let cells = 0;
  let added = 0;
  const kept = new Set();
  for (const row of rows) {
    if (row.kind !== 'data') continue;
    if (row.origin === null) { added++; continue; }
    kept.add(row.origin);
    row.cells.forEach((_, c) => { if (changed(row, c, base)) cells++; });
  }
  const removed = base.filter((row, i) => row.kind === 'data' && !kept.has(i)).length;
  const moved = rows.filter(r => r.kind === 'data' && r.origin !== null)
    .some((r, i, kept) => i > 0 && kept[i - 1].origin > r.origin);
  return { cells, added, removed, moved, any: cells + added + removed > 0 || moved };
}

/** A column's letter as Excel and the findings name it: 0 → A, 26 → AA. */
export function columnLetter(index) {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A column letter's index: A → 0, AA → 26. */
export function columnIndex(letters) {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A copy of the rows to return to (undo). */
export function snapshot(rows) {
  return rows.map(r => ({ ...r, cells: [...r.cells] }));
}
