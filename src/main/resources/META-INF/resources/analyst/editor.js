// Editing a table in the page: a table of any version opened in a grid, its data cells edited as in a spreadsheet
// (its code rows shown, never editable), the service's own checks asked as the analyst types and their findings
// pinned to the cells, the cells changed against the version opened, undo, and the edit saved as a new draft or as a
// revision of the open draft it came from. The service stays the one place that validates: the page only asks it.
import { api, explain } from './api.js';
import { renderDetails } from './details.js';
import { $, h, baseName, message, shortVersion } from './dom.js';
import { t, tn } from './i18n.js';
import { can, rolesText } from './permissions.js';
import { changeCount, changed, columnIndex, columnLetter, readSheet, snapshot, writeSheet } from './sheet.js';
import { OPEN, statusLabel, state } from './state.js';
import { loadVersions } from './versions.js';

const TABLE = /\.drl\.(xlsx|csv)$/;
/** How long typing pauses before the service is asked to check the edit. */
const CHECK_DELAY_MS = 600;
const UNDO_LIMIT = 200;

const ed = {
  draft: null,       // the version opened: {id, version, status}
  revisable: false,  // the version is an open draft the user may revise
  table: null,       // the table's name, without its format
  base: [],          // the rows as opened
  rows: [],
  tables: [],
  undo: [],
  sel: null,         // {r, c}
  editing: null,     // {r, c, input, before}
  findings: [],      // the last check's findings for this table, each with its cell
  other: [],         // findings the grid has no cell for
  edits: 0,          // counts edits, so a check's answer for an older grid is never shown as current
  timer: null,
  redrawing: false,  // the grid is being drawn again: the input moved into the new grid is not left
  checking: false,
  again: false,
};

// ---- choosing what to open ----

function fillVersions() {
  const select = $('editor-version');
  const chosen = select.value || String(state.versions.find(v => v.status === 'ACTIVE')?.id ?? '');
  select.replaceChildren(...state.versions.map(v => h('option', { value: v.id },
    `#${v.id} · ${statusLabel(v.status)} · ${shortVersion(v.version).slice(0, 10)}`)));
  if (state.versions.some(v => String(v.id) === chosen)) select.value = chosen;
  if (select.value && select.value !== select.dataset.filled) fillTables();
}

async function fillTables() {
  const select = $('editor-version');
  select.dataset.filled = select.value;
  const tables = $('editor-table');
  try {
    const view = await api(`rulesets/drafts/${select.value}`);
    const chosen = tables.value;
    const names = (view.files ?? []).map(f => baseName(f.path)).filter(p => TABLE.test(p)).map(p => p.replace(TABLE, ''));
    tables.replaceChildren(...names.map(name => h('option', { value: name }, name)));
    if (names.includes(chosen)) tables.value = chosen;
    renderTools();
  } catch (e) {
    message($('editor-result'), 'error', explain(e));
  }
}

async function open() {
  const id = $('editor-version').value;
  const table = $('editor-table').value;
  if (!id || !table) return;
  const result = $('editor-result');
  message(result, 'info', t('working'));
  try {
    const view = await api(`rulesets/drafts/${id}`);
    const csv = await api(`rulesets/${encodeURIComponent(view.draft.version)}/tables/${encodeURIComponent(table)}?format=csv`,
      { accept: 'text/csv' });
    load(view, table, csv);
    result.replaceChildren();
  } catch (e) {
    message(result, 'error', explain(e));
  }
}

function load(view, table, csv) {
  const sheet = readSheet(csv);
  const d = view.draft;
  Object.assign(ed, {
    draft: { id: d.id, version: d.version, status: d.status },
    revisable: OPEN.has(d.status) && !!(view.actions ?? []).find(a => a.name === 'revise')?.allowed,
    table, base: snapshot(sheet.rows), rows: snapshot(sheet.rows), tables: sheet.tables, undo: [], editing: null,
    findings: [], other: [], sel: null,
  });
  const first = ed.rows.findIndex(r => r.kind === 'data');
  ed.sel = first < 0 ? null : { r: first, c: 0 };
  $('editor').hidden = false;
  $('editor-opened').replaceChildren(t('editor.opened', { table, id: d.id, status: statusLabel(d.status) }), ' ',
    h('code', {}, shortVersion(d.version)));
  $('editor').dataset.table = table;
  $('editor').dataset.id = d.id;
  // what the version's own checks found in this table, until the first edit is checked
  showFindings(view.findings ?? []);
  focusSelected();
}

// ---- the grid ----

function render() {
  const width = Math.max(1, ...ed.rows.map(r => r.cells.length));
  const head = h('tr', {}, h('th', { class: 'corner' }), ...Array.from({ length: width }, (_, c) => h('th', {}, columnLetter(c))));
  const byCell = new Map();
  for (const f of ed.findings) {
    const list = byCell.get(f.cell) ?? [];
    list.push(f);
    byCell.set(f.cell, list);
  }
  const body = ed.rows.map((row, r) => {
    const tr = h('tr', { class: `row-${row.kind}${row.origin === null ? ' row-new' : ''}`, data: { row: r + 1 } },
      h('th', { class: 'rownum' }, String(r + 1)));
    for (let c = 0; c < width; c++) {
      const value = row.cells[c] ?? '';
      const ref = `${columnLetter(c)}${r + 1}`;
      const editable = row.kind === 'data' && c < ed.tables[row.table].width;
      const found = byCell.get(ref) ?? [];
      const severity = found.some(f => f.severity === 'ERROR') ? 'ERROR' : found.length ? 'WARNING' : null;
      const selected = ed.sel && ed.sel.r === r && ed.sel.c === c;
      tr.append(h('td', {
        class: [editable ? 'cell' : 'fixed', editable && changed(row, c, ed.base) ? 'changed' : '',
          severity ? `finding-at finding-at-${severity.toLowerCase()}` : '', selected ? 'selected' : ''].join(' ').trim(),
        test: editable ? 'editor-cell' : null, tabindex: editable ? (selected ? 0 : -1) : null,
        title: found.length ? found.map(f => f.message).join('\n') : value.length > 40 ? value : null,
        data: severity ? { cell: ref, r, c, severity, kind: found[0].kind ?? '' } : { cell: ref, r, c },
      }, value));
    }
    return tr;
  });
  ed.redrawing = true;
  $('editor-grid').replaceChildren(h('thead', {}, head), h('tbody', {}, ...body));
  if (ed.editing) {
    // the cell being typed in keeps its input, the text and the caret: only the marks around it are new
    const { r, c, input } = ed.editing;
    const [start, end] = [input.selectionStart, input.selectionEnd];
    const cell = cellAt(r, c);
    cell.replaceChildren(input);
    cell.classList.add('editing');
    input.focus();
    input.setSelectionRange(start, end);
  }
  ed.redrawing = false;
  renderFindings();
  renderTools();
}

function cellAt(r, c) {
  return $('editor-grid').querySelector(`td[data-r="${r}"][data-c="${c}"]`);
}

function focusSelected() {
  if (!ed.sel) return;
  cellAt(ed.sel.r, ed.sel.c)?.focus({ preventScroll: false });
  renderCellNote();
}

function select(r, c) {
  const before = ed.sel && cellAt(ed.sel.r, ed.sel.c);
  if (before) { before.classList.remove('selected'); before.tabIndex = -1; }
  ed.sel = { r, c };
  const cell = cellAt(r, c);
  if (cell) { cell.classList.add('selected'); cell.tabIndex = 0; }
  focusSelected();
  renderTools();
}

const dataRows = () => ed.rows.map((row, r) => (row.kind === 'data' ? r : -1)).filter(r => r >= 0);
const widthOf = r => ed.tables[ed.rows[r].table].width;

/** The cell a key moves to, over data cells only: up and down keep the column, Tab runs on along the rows. */
function moved(key, shift) {
  const rows = dataRows();
  const at = rows.indexOf(ed.sel.r);
  const { c } = ed.sel;
  switch (key) {
    case 'ArrowUp': return at > 0 ? { r: rows[at - 1], c: Math.min(c, widthOf(rows[at - 1]) - 1) } : null;
    case 'ArrowDown': case 'Enter': return at < rows.length - 1 ? { r: rows[at + 1], c: Math.min(c, widthOf(rows[at + 1]) - 1) } : null;
    case 'ArrowLeft': return c > 0 ? { r: ed.sel.r, c: c - 1 } : null;
    case 'ArrowRight': return c < widthOf(ed.sel.r) - 1 ? { r: ed.sel.r, c: c + 1 } : null;
    case 'Tab':
      if (shift) return c > 0 ? { r: ed.sel.r, c: c - 1 } : at > 0 ? { r: rows[at - 1], c: widthOf(rows[at - 1]) - 1 } : null;
      return c < widthOf(ed.sel.r) - 1 ? { r: ed.sel.r, c: c + 1 } : at < rows.length - 1 ? { r: rows[at + 1], c: 0 } : null;
    default: return null;
  }
}

function onGridKey(e) {
  // a key in the cell being edited is the input's own (its Enter must not open the next cell too)
  if (ed.editing || !ed.sel || e.target.closest('input')) return;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    undo();
    return;
  }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const next = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab'].includes(e.key) ? moved(e.key, e.shiftKey) : null;
  if (next) {
    e.preventDefault();
    select(next.r, next.c);
  } else if (e.key === 'Tab') {
    return; // past the last cell, Tab leaves the grid as it leaves any control
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit(null);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    setCell(ed.sel.r, ed.sel.c, '');
  } else if (e.key.length === 1) {
    // typing on a cell replaces its content, as in a spreadsheet
    e.preventDefault();
    startEdit(e.key);
  }
}

function startEdit(typed) {
  const { r, c } = ed.sel;
  const cell = cellAt(r, c);
  if (!cell) return;
  const before = ed.rows[r].cells[c] ?? '';
  const input = h('input', { type: 'text', class: 'cell-input', test: 'editor-input', 'aria-label': cell.dataset.cell,
    spellcheck: 'false' });
  input.value = typed ?? before;
  ed.editing = { r, c, input, before };
  cell.replaceChildren(input);
  cell.classList.add('editing');
  input.focus();
  if (typed === null) input.select();
  input.addEventListener('keydown', onInputKey);
  input.addEventListener('input', () => {
    ed.rows[r].cells[c] = input.value; // the check sees what is being typed
    scheduleCheck();
  });
  input.addEventListener('blur', () => { if (ed.editing?.input === input && !ed.redrawing) commit(null); });
}

function onInputKey(e) {
  if (e.key === 'Escape') {
    e.preventDefault();
    cancel();
  } else if (e.key === 'Enter' || e.key === 'Tab' || e.key === 'ArrowUp' || e.key === 'ArrowDown') {
    e.preventDefault();
    commit(moved(e.key, e.shiftKey));
  }
}

/** Ends the cell edit keeping what was typed, as one step to undo, then moves on. */
function commit(next) {
  const { r, c, input, before } = ed.editing;
  ed.editing = null;
  ed.rows[r].cells[c] = before;
  if (input.value !== before) {
    remember();
    ed.rows[r].cells[c] = input.value;
  }
  afterEdit(next ?? { r, c }, input.value !== before);
}

/** Escape: the cell gets back what it held before the edit. */
function cancel() {
  const { r, c, before, input } = ed.editing;
  ed.editing = null;
  const typed = input.value !== before;
  ed.rows[r].cells[c] = before;
  afterEdit({ r, c }, typed);
}

function setCell(r, c, value) {
  if ((ed.rows[r].cells[c] ?? '') === value) return;
  remember();
  ed.rows[r].cells[c] = value;
  afterEdit({ r, c }, true);
}

function afterEdit(sel, check) {
  ed.sel = sel;
  render();
  focusSelected();
  if (check) scheduleCheck();
}

function remember() {
  ed.undo.push({ rows: snapshot(ed.rows), sel: ed.sel && { ...ed.sel } });
  if (ed.undo.length > UNDO_LIMIT) ed.undo.shift();
}

function undo() {
  if (ed.editing) cancel();
  const last = ed.undo.pop();
  if (!last) return;
  ed.rows = last.rows;
  afterEdit(last.sel ?? ed.sel, true);
}

// ---- rows ----

function rowOp(op) {
  if (ed.editing) commit(null);
  const { r, c } = ed.sel;
  const row = ed.rows[r];
  const same = dataRows().filter(i => ed.rows[i].table === row.table);
  const at = same.indexOf(r);
  remember();
  let sel = { r, c };
  if (op === 'add') {
    ed.rows.splice(r + 1, 0, { cells: Array(widthOf(r)).fill(''), line: null, kind: 'data', table: row.table, origin: null });
    sel = { r: r + 1, c: 0 };
  } else if (op === 'remove') {
    ed.rows.splice(r, 1);
    const left = dataRows().filter(i => ed.rows[i].table === row.table);
    sel = left.length ? { r: left[Math.min(at, left.length - 1)], c: 0 } : null;
    if (!sel) {
      // the table's last row goes: an empty one takes its place, so the table keeps a row to edit
      ed.rows.splice(r, 0, { cells: Array(ed.tables[row.table].width).fill(''), line: null, kind: 'data', table: row.table, origin: null });
      sel = { r, c: 0 };
    }
  } else {
    const other = same[op === 'up' ? at - 1 : at + 1];
    [ed.rows[r], ed.rows[other]] = [ed.rows[other], ed.rows[r]];
    sel = { r: other, c };
  }
  afterEdit(sel, true);
}

function renderTools() {
  const opened = !!ed.draft;
  const row = opened && ed.sel ? ed.rows[ed.sel.r] : null;
  const fixed = !row || ed.tables[row.table]?.fixed;
  const same = row ? dataRows().filter(i => ed.rows[i].table === row.table) : [];
  const at = row ? same.indexOf(ed.sel.r) : -1;
  const why = fixed && row ? t('editor.rows.fixed') : '';
  for (const [id, allowed] of [['editor-add-row', !fixed], ['editor-remove-row', !fixed],
    ['editor-move-up', !fixed && at > 0], ['editor-move-down', !fixed && at >= 0 && at < same.length - 1]]) {
    $(id).disabled = !allowed;
    $(id).title = allowed ? '' : why;
  }
  $('editor-undo').disabled = !ed.undo.length;
  const count = opened ? changeCount(ed.rows, ed.base) : { any: false };
  const parts = [];
  if (count.cells) parts.push(tn('editor.changed.cells', count.cells));
  if (count.added) parts.push(tn('editor.changed.added', count.added));
  if (count.removed) parts.push(tn('editor.changed.removed', count.removed));
  if (count.moved) parts.push(t('editor.changed.moved'));
  $('editor-changes').textContent = opened ? (parts.length ? parts.join(t('list.sep')) : t('editor.changed.none')) : '';
  const blocked = !can.upload() ? t('why.upload', { roles: rolesText() })
    : !count.any ? t('editor.why.unchanged') : null;
  $('editor-save-new').disabled = !!blocked;
  $('editor-save-new').title = blocked ?? '';
  $('editor-save-revision').hidden = !ed.revisable;
  $('editor-save-revision').disabled = !!blocked;
  if (ed.draft) $('editor-save-revision').textContent = t('editor.saveRevision', { id: ed.draft.id });
  $('editor-open').disabled = !$('editor-table').value;
}

// ---- the service's checks ----

function setCheck(kind, text) {
  const status = $('editor-check');
  status.dataset.state = kind;
  status.className = `check-status check-${kind}`;
  status.textContent = text;
}

function scheduleCheck() {
  ed.edits++;
  setCheck('pending', t('editor.check.pending'));
  clearTimeout(ed.timer);
  ed.timer = setTimeout(check, CHECK_DELAY_MS);
}

async function check() {
  if (ed.checking) {
    ed.again = true; // one check at a time: the newest grid is checked when this one answers
    return;
  }
  ed.checking = true;
  const edits = ed.edits;
  setCheck('checking', t('editor.check.running'));
  const path = ed.revisable ? `rulesets/drafts/${ed.draft.id}/check` : 'rulesets/drafts/check';
  try {
    const answer = await api(path, { method: 'POST', form: tableForm() });
    if (edits === ed.edits) showFindings(answer.findings ?? []);
  } catch (e) {
    if (edits === ed.edits) setCheck('failed', explain(e));
  } finally {
    ed.checking = false;
    if (ed.again) {
      ed.again = false;
      check();
    }
  }
}

function tableForm(note) {
  const form = new FormData();
  const csv = writeSheet(ed.rows, ed.base);
  form.append('files', new Blob([csv], { type: 'text/csv' }), `${ed.table}.drl.csv`);
  if (note) form.append('note', note);
  return form;
}

function showFindings(findings) {
  const mine = findings.filter(f => !f.file || baseName(f.file).replace(TABLE, '') === ed.table);
  ed.findings = [];
  ed.other = [];
  for (const f of mine) {
    const r = (f.row ?? 0) - 1;
    const c = f.column ? columnIndex(f.column) : -1;
    const at = r >= 0 && c >= 0 && ed.rows[r] && c < ed.rows[r].cells.length;
    if (at) ed.findings.push({ ...f, cell: `${f.column}${f.row}` });
    else ed.other.push(f);
  }
  const errors = mine.filter(f => f.severity === 'ERROR').length;
  const warnings = mine.length - errors;
  if (!mine.length) setCheck('clean', t('editor.check.none'));
  else setCheck(errors ? 'errors' : 'warnings', [errors ? tn('count.errors', errors) : '', warnings ? tn('count.warnings', warnings) : '']
    .filter(Boolean).join(t('list.sep')));
  render();
  if (!ed.editing) focusSelected();
}

function renderFindings() {
  const all = [...ed.findings, ...ed.other];
  $('editor-findings').replaceChildren(...all.map(f => h('li', {
    class: `finding finding-${(f.severity ?? '').toLowerCase()}`, test: 'editor-finding',
    data: { cell: f.cell ?? '', kind: f.kind ?? '', severity: f.severity },
  },
  h('span', { class: `sev sev-${(f.severity ?? '').toLowerCase()}` }, f.severity === 'ERROR' ? t('severity.ERROR') : t('severity.WARNING')),
  h('div', { class: 'finding-body' },
    h('div', { class: 'finding-where' }, f.cell
      ? h('button', { type: 'button', class: 'link', onclick: () => goTo(f.cell) }, t('place.cell', { cell: f.cell }))
      : baseName(f.file ?? '')),
    h('div', { class: 'finding-message' }, f.message ?? ''),
    f.explanation ? h('div', { class: 'finding-kind' }, f.explanation) : null))));
  renderCellNote();
}

function goTo(ref) {
  const cell = $('editor-grid').querySelector(`td[data-cell="${ref}"]`);
  if (cell?.dataset.r !== undefined && cell.classList.contains('cell')) select(Number(cell.dataset.r), Number(cell.dataset.c));
}

/** The findings at the selected cell, in words, where the analyst is looking. */
function renderCellNote() {
  const note = $('editor-cell-note');
  const ref = ed.sel ? `${columnLetter(ed.sel.c)}${ed.sel.r + 1}` : null;
  const here = ed.findings.filter(f => f.cell === ref);
  note.replaceChildren(...(ref ? [h('strong', {}, ref), ' ', here.length ? here.map(f => f.message).join(' ') : t('editor.cell.clean')] : []));
  note.dataset.cell = ref ?? '';
  note.className = `cell-note${here.length ? ' cell-note-finding' : ''}`;
}

// ---- saving ----

async function save(asRevision) {
  if (ed.editing) commit(null);
  const result = $('editor-result');
  const note = $('editor-note').value.trim();
  message(result, 'info', t('upload.working'));
  try {
    const view = asRevision
      ? await api(`rulesets/drafts/${ed.draft.id}/files`, { method: 'POST', form: tableForm(note) })
      : await api('rulesets/drafts', { method: 'POST', form: tableForm(note) });
    const d = view.draft;
    message(result, d.status === 'VALIDATED' ? 'ok' : 'warn', d.status === 'VALIDATED'
      ? t('editor.saved', { id: d.id }) : tn('upload.errors', d.errors, { id: d.id }));
    $('editor-note').value = '';
    renderDetails(view);
    await loadVersions();
    // the editor goes on with the saved draft: a further save revises it
    $('editor-version').value = String(d.id);
    await fillTables();
    load(view, ed.table, writeSheet(ed.rows, ed.base));
  } catch (e) {
    message(result, 'error', explain(e));
  }
}

export function wireEditor() {
  // the versions list is drawn again whenever the versions are read: the editor's choice follows it
  new MutationObserver(fillVersions).observe($('versions-body'), { childList: true });
  $('editor-version').addEventListener('change', fillTables);
  $('editor-table').addEventListener('change', renderTools);
  $('editor-open').addEventListener('click', open);
  $('editor-grid').addEventListener('keydown', onGridKey);
  $('editor-grid').addEventListener('click', e => {
    const cell = e.target.closest('td.cell');
    if (cell && !ed.editing) select(Number(cell.dataset.r), Number(cell.dataset.c));
  });
  $('editor-grid').addEventListener('dblclick', e => {
    if (e.target.closest('td.cell') && !ed.editing) startEdit(null);
  });
  $('editor-undo').addEventListener('click', undo);
  $('editor-add-row').addEventListener('click', () => rowOp('add'));
  $('editor-remove-row').addEventListener('click', () => rowOp('remove'));
  $('editor-move-up').addEventListener('click', () => rowOp('up'));
  $('editor-move-down').addEventListener('click', () => rowOp('down'));
  $('editor-save-new').addEventListener('click', () => save(false));
  $('editor-save-revision').addEventListener('click', () => save(true));
}
