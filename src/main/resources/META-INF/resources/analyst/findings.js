// What the checks found in a version, pinned to file and cell, and which cells it changes against its base.
import { $, h, baseName, shortVersion, words } from './dom.js';

/** Each finding's kind in plain words, and what to do about it (docs/analyst-findings.md has the detail). */
const FINDING_KINDS = {
  COMPILE_ERROR: ['Cannot be read as a rule', 'check that the cell holds a plain value of the right kind, such as a number where the column expects days'],
  UNREADABLE_FILE: ['File cannot be opened', 'save it again from Excel as .xlsx, or as CSV (UTF-8)'],
  RANGE_GAP: ['Gap between rows', 'some values fall between two rows and no row applies to them'],
  RANGE_OVERLAP: ['Rows overlap', 'two rows apply to the same values'],
  UNREACHABLE_ROW: ['Row never applies', 'its range is empty, or an earlier row takes all its cases'],
  DUPLICATE_CONDITIONS: ['Same conditions twice', 'two rows have the same conditions'],
  HEADER_CHANGED: ['Table set-up changed', 'only the rows below the column titles may be changed'],
  TITLE_CHANGED: ['Column title changed', 'harmless; shown to the reviewer'],
  CODE_IN_CELL: ['Formula or code in a cell', 'type the value itself'],
  CURLY_QUOTES: ['Curly quotes replaced', 'Excel typed “ ” for " "; the service straightened them'],
  UNKNOWN_TABLE: ['Unknown table', 'no table of this name is in force; check the file name'],
};

function findingPlace(f) {
  const parts = [baseName(f.file)];
  // a CSV table has no sheets (the reader calls its one grid "csv")
  if (f.sheet && !/\.csv$/i.test(f.file ?? '')) parts.push(`sheet ${f.sheet}`);
  if (f.row && f.column) parts.push(`cell ${f.column}${f.row}`);
  else if (f.row) parts.push(`row ${f.row}`);
  else if (f.column) parts.push(`column ${f.column}`);
  if (f.line) parts.push(`line ${f.line}`);
  return parts.join(', ');
}

export function renderFindings(findings) {
  const target = $('findings');
  if (!findings.length) {
    target.replaceChildren(h('p', { class: 'ok', test: 'no-findings' }, '✓ Nothing to fix: every check passed.'));
    return;
  }
  const byFile = new Map();
  for (const f of findings) {
    const key = f.file ?? '(the whole ruleset)';
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push(f);
  }
  const errors = findings.filter(f => f.severity === 'ERROR').length;
  const summary = h('p', { class: errors ? 'summary summary-error' : 'summary' },
    errors ? `${errors} error${errors > 1 ? 's' : ''} to fix before this draft can go further`
      : 'No errors; the warnings below are for the reviewer.',
    findings.length - errors ? ` · ${findings.length - errors} warning${findings.length - errors > 1 ? 's' : ''}` : '');
  const groups = [...byFile.entries()].map(([file, list]) => h('div', { class: 'finding-group', test: 'finding-group', data: { file: baseName(file) } },
    h('h4', {}, h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '▦'), baseName(file)),
    h('ul', { class: 'findings' }, ...list
      .sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'ERROR' ? -1 : 1))
      .map(f => h('li', {
        class: `finding finding-${(f.severity ?? '').toLowerCase()}`, test: 'finding',
        data: { severity: f.severity, kind: f.kind ?? '', cell: f.row && f.column ? `${f.column}${f.row}` : '' },
      },
      h('span', { class: `sev sev-${(f.severity ?? '').toLowerCase()}` }, f.severity === 'ERROR' ? 'Error' : 'Warning'),
      h('div', { class: 'finding-body' },
        h('div', { class: 'finding-where', test: 'finding-location' }, findingPlace(f)),
        h('div', { class: 'finding-message', test: 'finding-message' }, f.message ?? ''),
        f.kind ? h('div', { class: 'finding-kind' }, h('strong', {}, FINDING_KINDS[f.kind]?.[0] ?? words(f.kind)),
          FINDING_KINDS[f.kind]?.[1] ? ` — ${FINDING_KINDS[f.kind][1]}` : '') : null))))));
  target.replaceChildren(summary, ...groups);
}

export function renderChanges(changes, baseVersion) {
  $('changes-base').replaceChildren(...(baseVersion ? ['against version ', h('code', {}, shortVersion(baseVersion))] : []));
  const target = $('changes');
  if (!changes.length) {
    target.replaceChildren(h('p', { class: 'muted' }, 'No file differs from the version it is based on.'));
    return;
  }
  target.replaceChildren(...changes.map(c => {
    const name = baseName(c.path);
    const what = c.change === 'ADDED' ? 'new file' : c.change === 'REMOVED' ? 'removed'
      : c.cellsChanged != null ? `${c.cellsChanged} cell${c.cellsChanged === 1 ? '' : 's'} changed` : 'changed';
    const head = h('h4', {}, h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '▦'), name, ' ',
      h('span', { class: 'muted' }, `— ${what}${c.replaces ? ` (replaces ${baseName(c.replaces)})` : ''}`));
    if (!c.cells || !c.cells.length) return h('div', { class: 'change', test: 'change', data: { file: name } }, head);
    const table = h('table', { class: 'cells' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Cell'), h('th', {}, 'Before'), h('th', {}, ''), h('th', {}, 'After'))),
      h('tbody', {}, ...c.cells.map(cell => h('tr', { test: 'changed-cell', data: { cell: `${cell.column}${cell.row}` } },
        h('td', { class: 'cell-ref' }, `${cell.sheet && !name.endsWith('.csv') ? cell.sheet + '!' : ''}${cell.column}${cell.row}`),
        h('td', { class: 'before' }, cell.before === null || cell.before === undefined || cell.before === '' ? h('span', { class: 'muted' }, '(empty)') : cell.before),
        h('td', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
        h('td', { class: 'after' }, cell.after === null || cell.after === undefined || cell.after === '' ? h('span', { class: 'muted' }, '(empty)') : cell.after)))));
    const more = c.cellsChanged > c.cells.length
      ? h('p', { class: 'muted' }, `… and ${c.cellsChanged - c.cells.length} more cells.`) : null;
    return h('div', { class: 'change', test: 'change', data: { file: name } }, head, table, more);
  }));
}
