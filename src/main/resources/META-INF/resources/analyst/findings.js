// What the checks found in a version, pinned to file and cell, and which cells it changes against its base.
import { $, h, baseName, shortVersion, words } from './dom.js';
import { t, tn } from './i18n.js';

/** Each finding's kind in plain words, and what to do about it (docs/analyst-findings.md has the detail). */
const FINDING_KINDS = {
  COMPILE_ERROR: [t('kind.COMPILE_ERROR'), t('kind.COMPILE_ERROR.hint')],
  UNREADABLE_FILE: [t('kind.UNREADABLE_FILE'), t('kind.UNREADABLE_FILE.hint')],
  RANGE_GAP: [t('kind.RANGE_GAP'), t('kind.RANGE_GAP.hint')],
  RANGE_OVERLAP: [t('kind.RANGE_OVERLAP'), t('kind.RANGE_OVERLAP.hint')],
  UNREACHABLE_ROW: [t('kind.UNREACHABLE_ROW'), t('kind.UNREACHABLE_ROW.hint')],
  DUPLICATE_CONDITIONS: [t('kind.DUPLICATE_CONDITIONS'), t('kind.DUPLICATE_CONDITIONS.hint')],
  HEADER_CHANGED: [t('kind.HEADER_CHANGED'), t('kind.HEADER_CHANGED.hint')],
  TITLE_CHANGED: [t('kind.TITLE_CHANGED'), t('kind.TITLE_CHANGED.hint')],
  CODE_IN_CELL: [t('kind.CODE_IN_CELL'), t('kind.CODE_IN_CELL.hint')],
  CURLY_QUOTES: [t('kind.CURLY_QUOTES'), t('kind.CURLY_QUOTES.hint')],
  FORMULA_CELL: [t('kind.FORMULA_CELL'), t('kind.FORMULA_CELL.hint')],
  UNKNOWN_TABLE: [t('kind.UNKNOWN_TABLE'), t('kind.UNKNOWN_TABLE.hint')],
};

function findingPlace(f) {
  const parts = [baseName(f.file)];
  // a CSV table has no sheets (the reader calls its one grid "csv")
  if (f.sheet && !/\.csv$/i.test(f.file ?? '')) parts.push(t('place.sheet', { sheet: f.sheet }));
  if (f.row && f.column) parts.push(t('place.cell', { cell: `${f.column}${f.row}` }));
  else if (f.row) parts.push(t('place.rowOnly', { row: f.row }));
  else if (f.column) parts.push(t('place.column', { column: f.column }));
  if (f.line) parts.push(t('place.lineOnly', { line: f.line }));
  return parts.join(t('list.sep'));
}

export function renderFindings(findings) {
  const target = $('findings');
  if (!findings.length) {
    target.replaceChildren(h('p', { class: 'ok', test: 'no-findings' }, `✓ ${t('findings.none')}`));
    return;
  }
  const byFile = new Map();
  for (const f of findings) {
    const key = f.file ?? t('findings.wholeRuleset');
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push(f);
  }
  const errors = findings.filter(f => f.severity === 'ERROR').length;
  const summary = h('p', { class: errors ? 'summary summary-error' : 'summary' },
    errors ? tn('findings.errors', errors) : t('findings.warningsOnly'),
    findings.length - errors ? ` · ${tn('count.warnings', findings.length - errors)}` : '');
  const groups = [...byFile.entries()].map(([file, list]) => h('div', { class: 'finding-group', test: 'finding-group', data: { file: baseName(file) } },
    h('h4', {}, h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '▦'), baseName(file)),
    h('ul', { class: 'findings' }, ...list
      .sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'ERROR' ? -1 : 1))
      .map(f => h('li', {
        class: `finding finding-${(f.severity ?? '').toLowerCase()}`, test: 'finding',
        data: { severity: f.severity, kind: f.kind ?? '', cell: f.row && f.column ? `${f.column}${f.row}` : '' },
      },
      h('span', { class: `sev sev-${(f.severity ?? '').toLowerCase()}` }, f.severity === 'ERROR' ? t('severity.ERROR') : t('severity.WARNING')),
      h('div', { class: 'finding-body' },
        h('div', { class: 'finding-where', test: 'finding-location' }, findingPlace(f)),
        h('div', { class: 'finding-message', test: 'finding-message' }, f.message ?? ''),
        f.kind ? h('div', { class: 'finding-kind' }, h('strong', {}, FINDING_KINDS[f.kind]?.[0] ?? words(f.kind)),
          FINDING_KINDS[f.kind]?.[1] ? `${t('dash')}${FINDING_KINDS[f.kind][1]}` : '') : null))))));
  target.replaceChildren(summary, ...groups);
}

export function renderChanges(changes, baseVersion) {
  $('changes-base').replaceChildren(...(baseVersion ? [`${t('changes.against')} `, h('code', {}, shortVersion(baseVersion))] : []));
  const target = $('changes');
  if (!changes.length) {
    target.replaceChildren(h('p', { class: 'muted' }, t('changes.none')));
    return;
  }
  target.replaceChildren(...changes.map(c => {
    const name = baseName(c.path);
    const what = c.change === 'ADDED' ? t('changes.added') : c.change === 'REMOVED' ? t('changes.removed')
      : c.cellsChanged != null ? tn('changes.cells', c.cellsChanged) : t('changes.changed');
    const head = h('h4', {}, h('span', { class: 'file-icon', 'aria-hidden': 'true' }, '▦'), name, ' ',
      h('span', { class: 'muted' }, `${t('dash')}${what}${c.replaces ? t('changes.replaces', { file: baseName(c.replaces) }) : ''}`));
    if (!c.cells || !c.cells.length) return h('div', { class: 'change', test: 'change', data: { file: name } }, head);
    const table = h('table', { class: 'cells' },
      h('thead', {}, h('tr', {}, h('th', {}, t('changes.cell')), h('th', {}, t('changes.before')), h('th', {}, ''), h('th', {}, t('changes.after')))),
      h('tbody', {}, ...c.cells.map(cell => h('tr', { test: 'changed-cell', data: { cell: `${cell.column}${cell.row}` } },
        h('td', { class: 'cell-ref' }, `${cell.sheet && !name.endsWith('.csv') ? cell.sheet + '!' : ''}${cell.column}${cell.row}`),
        h('td', { class: 'before' }, cell.before === null || cell.before === undefined || cell.before === '' ? h('span', { class: 'muted' }, t('changes.empty')) : cell.before),
        h('td', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
        h('td', { class: 'after' }, cell.after === null || cell.after === undefined || cell.after === '' ? h('span', { class: 'muted' }, t('changes.empty')) : cell.after)))));
    const more = c.cellsChanged > c.cells.length
      ? h('p', { class: 'muted' }, tn('changes.more', c.cellsChanged - c.cells.length)) : null;
    return h('div', { class: 'change', test: 'change', data: { file: name } }, head, table, more);
  }));
}
