// The analyst's page: versions, upload, findings, changed cells, simulation, regression, approval and a decision
// explorer, all through the service's /api/v1 with the bearer token the user pastes.
import { groupedBars, progressBar } from './charts.js';

const API = new URL('../api/v1/', location.href);
const TOKEN_KEY = 'collections.analyst.token';
const POLL_MS = 1000;

/** docs/examples/case-m2.json: a car loan 45 days overdue, for the decision explorer. */
const EXAMPLE_CASE = {
  caseId: 'CASE-1',
  asOf: '2026-11-29T10:00:00+08:00',
  jurisdiction: 'CN',
  borrower: {
    customerId: 'CUST-1',
    timeZone: 'Asia/Shanghai',
    creditScore: 640,
    monthlyIncome: 12000.00,
    monthlyDebtPayments: 2500.00,
    employment: 'EMPLOYED',
    hardship: 'ILLNESS',
    consents: { phone: true, sms: true, email: true },
    flags: [],
  },
  loan: {
    loanId: 'LN-2024-0001',
    currency: 'CNY',
    outstandingBalance: 86000.00,
    overdueAmount: 4300.00,
    annualInterestRate: 0.068,
    monthlyInstalment: 2150.00,
    remainingTermMonths: 40,
    oldestUnpaidDueDate: '2026-10-15',
    arbitrationClause: false,
  },
  collateral: { vehicleValue: 70000.00, valuedOn: '2026-09-30', gpsTracking: 'ONLINE' },
  history: {
    contacts: [
      { at: '2026-11-20T10:15:00+08:00', channel: 'SMS', outcome: 'NO_ANSWER' },
      { at: '2026-11-25T15:40:00+08:00', channel: 'PHONE', outcome: 'CONTACTED' },
    ],
    brokenPromises: 1,
    plans: [],
    legalActions: [],
    lastPaymentOn: '2026-09-14',
  },
};

const STATUS = {
  DRAFT: { label: 'Needs fixes', css: 'badge-draft',
    explain: 'The checks found errors. Fix the cells listed below in your table and upload the corrected file.' },
  VALIDATED: { label: 'Checked', css: 'badge-validated',
    explain: 'Passed every check. Try it on the portfolio, then a second person approves it.' },
  APPROVED: { label: 'Approved', css: 'badge-approved',
    explain: 'Approved by a second person. An approver can now put it in force.' },
  ACTIVE: { label: 'In force', css: 'badge-active', explain: 'This version decides every case now.' },
  RETIRED: { label: 'Retired', css: 'badge-retired',
    explain: 'Served before and was replaced. An approver can roll back to it in one step.' },
  REJECTED: { label: 'Rejected', css: 'badge-rejected',
    explain: 'Rejected or withdrawn: it goes no further. Upload the tables again to start over.' },
};
const OPEN = new Set(['DRAFT', 'VALIDATED', 'APPROVED']);
const TRIABLE = new Set(['VALIDATED', 'APPROVED', 'ACTIVE', 'RETIRED']);

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

const state = {
  token: null,
  user: null,          // {name, roles: Set, expires: Date|null}
  versions: [],
  active: null,        // GET /rulesets/active
  selectedId: null,
  view: null,          // the selected draft's full view
  uploadFiles: [],
  reviseFiles: [],
  poll: null,          // {id, timer}
  decision: null,      // the last decision shown, and its case
};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const $ = id => document.getElementById(id);

/** h('div', {class: 'x', test: 'name', onclick}, child, 'text', ...) */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'test') node.dataset.test = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'data') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const numberFormat = new Intl.NumberFormat();
const shortDateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const yearFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** Compact, for tables: no year when it is this year's. */
function shortWhen(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.getFullYear() === new Date().getFullYear() ? shortDateFormat.format(d) : yearFormat.format(d);
}

function day(iso) {
  if (!iso) return '';
  const d = new Date(iso + 'T00:00:00');
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}

function money(amount, currency) {
  if (amount === null || amount === undefined) return '–';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'CNY' }).format(amount);
  } catch {
    return `${numberFormat.format(amount)} ${currency ?? ''}`.trim();
  }
}

function signed(n, format = x => numberFormat.format(x)) {
  if (!n) return format(0);
  return (n > 0 ? '+' : '−') + format(Math.abs(n));
}

/** SEND_REMINDER -> Send reminder */
function words(value) {
  if (value === null || value === undefined || value === '') return '–';
  const s = String(value).replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const baseName = path => (path ?? '').replace(/^.*\//, '');
const shortVersion = v => (v ?? '').slice(0, 16);

function badge(status) {
  const s = STATUS[status] ?? { label: words(status), css: '' };
  return h('span', { class: `badge ${s.css}`, title: status, data: { status } }, s.label);
}

function show(node, visible) {
  node.hidden = !visible;
}

function message(target, kind, ...content) {
  target.replaceChildren(h('div', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content));
}

// ---------------------------------------------------------------------------------------------------------------
// Token and roles

function decodeToken(raw) {
  const token = (raw ?? '').trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new Error('This does not look like a token: a token is three parts separated by dots (eyJ…).');
  }
  let claims;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)),
      c => c.charCodeAt(0)));
    claims = JSON.parse(json);
  } catch {
    throw new Error('The token cannot be read. Copy it again, whole, without spaces or line breaks.');
  }
  const expires = claims.exp ? new Date(claims.exp * 1000) : null;
  if (expires && expires.getTime() < Date.now()) {
    throw new Error(`This token expired on ${dateFormat.format(expires)}. Ask for a new one.`);
  }
  const groups = Array.isArray(claims.groups) ? claims.groups : claims.groups ? [claims.groups] : [];
  return {
    token,
    user: { name: claims.upn ?? claims.preferred_username ?? claims.sub ?? 'unknown', roles: new Set(groups), expires },
  };
}

const has = (...roles) => !!state.user && roles.some(r => state.user.roles.has(r));

const can = {
  read: () => has('analyst', 'approver', 'auditor', 'developer'),
  upload: () => has('analyst', 'developer'),
  approve: () => has('approver'),
  activate: () => has('approver'),
  reject: () => has('approver', 'analyst', 'developer'),
  trial: () => has('analyst', 'approver', 'developer'),
  // analysts try cases on any version, unrecorded; a servicer decides with the version in force, recorded
  decide: () => has('analyst', 'approver', 'developer', 'servicer'),
  tryVersion: () => has('analyst', 'approver', 'developer'),
};

function rolesText() {
  return state.user && state.user.roles.size ? [...state.user.roles].sort().join(', ') : 'none';
}

function useToken(raw) {
  const { token, user } = decodeToken(raw);
  state.token = token;
  state.user = user;
  sessionStorage.setItem(TOKEN_KEY, token);
  renderWho();
}

function forgetToken() {
  state.token = null;
  state.user = null;
  sessionStorage.removeItem(TOKEN_KEY);
  renderWho();
}

function askForToken(reason) {
  const dialog = $('token-dialog');
  $('token-reason').textContent = reason
    ?? 'Paste the access token you were given. It is kept in this browser tab only and forgotten when you close it.';
  $('token-error').textContent = '';
  $('token-input').value = '';
  if (!dialog.open) dialog.showModal();
  $('token-input').focus();
}

function renderWho() {
  const name = $('who-name');
  const roles = $('who-roles');
  if (!state.user) {
    name.textContent = 'Not signed in';
    name.classList.add('signed-out');
    roles.replaceChildren();
    $('token-change').textContent = 'Paste a token';
  } else {
    name.textContent = state.user.name;
    name.classList.remove('signed-out');
    name.title = state.user.expires ? `Token valid until ${dateFormat.format(state.user.expires)}` : '';
    roles.replaceChildren(...[...state.user.roles].sort().map(r => h('span', { class: 'role', data: { role: r } }, r)));
    if (state.user.roles.size === 0) roles.append(h('span', { class: 'role role-none' }, 'no roles'));
    $('token-change').textContent = 'Change token';
  }
  renderPermissions();
}

// ---------------------------------------------------------------------------------------------------------------
// Calling the service

class ApiError extends Error {
  constructor(status, problem, text) {
    super(problem?.detail ?? problem?.title ?? text ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

async function api(path, { method = 'GET', json, form, accept = 'application/json', raw = false } = {}) {
  if (!state.token) {
    askForToken();
    throw new ApiError(401, { title: 'Not signed in' });
  }
  const headers = { Authorization: `Bearer ${state.token}`, Accept: accept };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(new URL(path, API), { method, headers, body });
  } catch (e) {
    throw new ApiError(0, { title: 'The service cannot be reached', detail: 'The service cannot be reached. Check your connection and try again.' });
  }
  if (response.status === 401) {
    forgetToken();
    askForToken('Your token was not accepted (it may have expired). Paste a new one to go on.');
    throw new ApiError(401, { title: 'Token not accepted', detail: 'Your token was not accepted. Paste a new one.' });
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') ?? '';
    let problem = null;
    let text = null;
    try {
      if (type.includes('json')) problem = await response.json();
      else text = await response.text();
    } catch { /* no body */ }
    throw new ApiError(response.status, problem, text);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

/** An error in plain words for the page. */
function explain(error) {
  if (!(error instanceof ApiError)) return error.message ?? String(error);
  const p = error.problem;
  if ((p.type ?? '').endsWith('/four-eyes')) {
    return 'Four-eyes rule: a draft must be approved by someone who did not upload or revise it. '
      + 'Ask another approver to approve it.';
  }
  if (error.status === 403) {
    return `Your roles (${rolesText()}) do not allow this step.`;
  }
  if (Array.isArray(p.errors) && p.errors.length) {
    return `${p.title ?? 'The request was refused'}: ` + p.errors.map(e => `${e.field}: ${e.message}`).join('; ');
  }
  if (error.status === 409) return `Not possible now: ${p.detail ?? p.title}`;
  if (error.status === 413) return 'The file is too large for the service.';
  if (error.status >= 500) return `The service could not do this (error ${error.status}). ${p.detail ?? ''}`.trim();
  return p.detail ?? p.title ?? error.message;
}

// ---------------------------------------------------------------------------------------------------------------
// The version in force and the list of versions

async function refreshAll() {
  renderPermissions();
  if (!state.token) return;
  if (!can.read()) {
    // a collector, say: no versions to show, but the decision explorer works
    stopPolling(true);
    state.view = null;
    state.selectedId = null;
    show($('details'), false);
    show($('details-empty'), true);
    $('details-empty').replaceChildren(h('p', {}, `Your roles (${rolesText()}) do not include reading the policy versions; `
      + 'you can still try a case below.'));
  }
  await Promise.all([loadActive(), loadVersions()]);
  if (state.selectedId != null) await select(state.selectedId, { quiet: true });
}

async function loadActive() {
  try {
    state.active = await api('rulesets/active');
  } catch (e) {
    state.active = null;
    if (e.status !== 401) notice('error', `The version in force cannot be read: ${explain(e)}`);
  }
  renderActive();
}

function renderActive() {
  const banner = $('active-banner');
  if (!state.active) {
    show(banner, false);
    return;
  }
  const a = state.active;
  const draft = state.versions.find(v => v.status === 'ACTIVE' && v.version === a.version);
  banner.dataset.version = a.version;
  renderDecidedBy();
  $('active-text').replaceChildren(
    'Version ', h('code', { test: 'active-version-id' }, shortVersion(a.version)),
    draft ? ` (#${draft.id}, by ${draft.author})` : '',
    ` decides every case, since ${when(a.loadedAt)}`,
    a.ruleCount ? ` · ${numberFormat.format(a.ruleCount)} rules` : '');
  show(banner, true);
}

async function loadVersions() {
  const body = $('versions-body');
  if (!can.read()) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'empty' },
      `Your roles (${rolesText()}) do not include reading the policy versions.`)));
    state.versions = [];
    return;
  }
  try {
    state.versions = await api('rulesets/drafts?limit=200');
  } catch (e) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'empty error' }, explain(e))));
    return;
  }
  renderVersions();
  renderActive();
  fillDecideWith();
}

function renderVersions() {
  const filter = $('versions-filter').value;
  const rows = state.versions.filter(v => !filter || (filter === 'open' ? OPEN.has(v.status) : v.status === filter));
  const body = $('versions-body');
  if (rows.length === 0) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'empty' }, 'No version to show.')));
    return;
  }
  body.replaceChildren(...rows.map(v => {
    const findings = [];
    if (v.errors) findings.push(h('span', { class: 'count count-error', title: `${v.errors} errors` }, `${v.errors} error${v.errors > 1 ? 's' : ''}`));
    if (v.warnings) findings.push(h('span', { class: 'count count-warning', title: `${v.warnings} warnings` }, `${v.warnings} warning${v.warnings > 1 ? 's' : ''}`));
    if (!findings.length) findings.push(h('span', { class: 'muted' }, 'none'));
    const row = h('tr', {
      class: ['version-row', v.status === 'ACTIVE' ? 'is-active' : '', v.id === state.selectedId ? 'is-selected' : ''].join(' '),
      test: 'version-row', tabindex: 0, data: { id: v.id, version: v.version, status: v.status },
      title: v.note ?? '',
      onclick: () => select(v.id),
      onkeydown: e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(v.id); } },
    },
    h('td', { class: 'num' }, `#${v.id}`),
    h('td', {}, badge(v.status)),
    h('td', {}, h('code', { title: v.version }, (v.version ?? '').slice(0, 10))),
    h('td', {}, v.author ?? ''),
    h('td', { class: 'nowrap', title: when(v.updatedAt ?? v.createdAt) }, shortWhen(v.updatedAt ?? v.createdAt)),
    h('td', {}, ...findings));
    return row;
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// One version in detail

async function select(id, { quiet = false } = {}) {
  if (state.selectedId !== id) {
    stopPolling(true);
    $('upload-result').replaceChildren();
    $('action-message').replaceChildren();
  }
  state.selectedId = id;
  renderVersions();
  try {
    const view = await api(`rulesets/drafts/${id}`);
    renderDetails(view);
  } catch (e) {
    if (!quiet) notice('error', `Version #${id} cannot be shown: ${explain(e)}`);
  }
  if (!quiet) $('details-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function renderDetails(view) {
  state.view = view;
  state.selectedId = view.draft.id;
  const d = view.draft;
  show($('details-empty'), false);
  show($('details'), true);
  const served = d.status === 'ACTIVE' || d.status === 'RETIRED';
  $('details-title').textContent = `${served ? 'Version' : 'Draft'} #${d.id}`;
  $('details').dataset.id = d.id;
  $('details').dataset.status = d.status;
  $('details').dataset.version = d.version;
  const origin = d.origin === 'FOLDERS' ? 'loaded from the service\'s folders' : 'uploaded';
  $('details-meta').replaceChildren(
    `${words(origin)} by ${d.author ?? 'unknown'} on ${when(d.createdAt)}`,
    d.updatedAt && d.updatedAt !== d.createdAt ? ` · last change ${when(d.updatedAt)}` : '',
    ' · version ', h('code', {}, shortVersion(d.version)),
    d.baseVersion ? h('span', {}, ' · based on ', h('code', {}, shortVersion(d.baseVersion))) : '',
    d.approvedBy ? ` · approved by ${d.approvedBy} on ${when(d.approvedAt)}` : '');
  const status = $('details-status');
  const s = STATUS[d.status] ?? { label: d.status, css: '' };
  status.className = `badge badge-large ${s.css}`;
  status.textContent = s.label;
  status.dataset.status = d.status;
  $('details-explain').textContent = s.explain ?? '';
  const note = $('details-note');
  note.textContent = d.note ? `“${d.note}”` : '';
  show(note, !!d.note);
  renderSteps(d);
  renderFindings(view.findings ?? []);
  renderChanges(view.changes ?? [], d.baseVersion);
  renderFiles(view.files ?? [], d.version);
  renderHistory(view.events ?? []);
  renderBaselines();
  renderPermissions();
  $('revise-result').replaceChildren();
}

function renderSteps(d) {
  const order = ['DRAFT', 'VALIDATED', 'APPROVED', 'ACTIVE'];
  const reached = d.status === 'RETIRED' ? 4 : d.status === 'REJECTED' ? -1 : order.indexOf(d.status);
  const labels = ['Uploaded', d.status === 'DRAFT' ? 'Errors to fix' : 'Checks passed', 'Approved', 'In force'];
  const steps = labels.map((label, i) => h('li', {
    class: d.status === 'DRAFT' && i === 1 ? 'failed'
      : i < reached || (i === reached && d.status !== 'DRAFT') || (i === 0 && reached >= 0) ? 'done'
        : i === reached + 1 ? 'next' : '',
  }, label));
  const list = h('ol', { class: 'stepper' }, ...steps);
  if (d.status === 'REJECTED') list.append(h('li', { class: 'stopped' }, 'Rejected'));
  if (d.status === 'RETIRED') list.append(h('li', { class: 'stopped' }, 'Retired'));
  $('steps').replaceChildren(list);
}

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

function renderFindings(findings) {
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

function renderChanges(changes, baseVersion) {
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

function renderFiles(files, version) {
  const target = $('files');
  if (!files.length) {
    target.replaceChildren(h('p', { class: 'muted' }, 'No files kept.'));
    return;
  }
  const tables = files.filter(f => /\.drl\.(xlsx|csv)$/.test(f.path));
  const others = files.filter(f => !/\.drl\.(xlsx|csv)$/.test(f.path));
  const list = h('ul', { class: 'files' }, ...tables.map(f => h('li', { class: f.uploaded ? 'uploaded' : '' },
    h('span', { class: 'file-name' }, baseName(f.path)),
    f.uploaded ? h('span', { class: 'tag' }, 'uploaded') : null,
    h('span', { class: 'file-links' },
      h('button', { type: 'button', class: 'link', title: 'Download this table as an Excel workbook',
        onclick: () => downloadTable(version, f.path, 'xlsx') }, 'Excel'),
      h('button', { type: 'button', class: 'link', title: 'Download this table as CSV',
        onclick: () => downloadTable(version, f.path, 'csv') }, 'CSV')))));
  const rest = others.length ? h('p', { class: 'muted' }, `And ${others.length} rule file${others.length > 1 ? 's' : ''} kept by the developers.`) : null;
  const status = h('div', { id: 'files-status' });
  target.replaceChildren(list, rest ?? '', status);
}

async function downloadTable(version, path, format) {
  const status = $('files-status');
  try {
    const table = baseName(path).replace(/\.drl\.(xlsx|csv)$/, '');
    const response = await api(`rulesets/${encodeURIComponent(version)}/tables/${encodeURIComponent(table)}?format=${format}`,
      { accept: '*/*', raw: true });
    const name = `${table}.drl.${format}`;
    await saveResponse(response, name);
    status.replaceChildren();
  } catch (e) {
    message(status, 'error', explain(e));
  }
}

async function saveResponse(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function renderHistory(events) {
  const target = $('history');
  if (!events.length) {
    target.replaceChildren(h('li', { class: 'muted' }, 'No steps recorded.'));
    return;
  }
  target.replaceChildren(...events.map(e => h('li', { test: 'history-event', data: { to: e.to } },
    h('span', { class: 'when' }, when(e.at)),
    h('span', { class: 'what' }, !e.from ? 'created as ' : e.from === e.to ? 'revised, still ' : [badge(e.from), ' → '], badge(e.to)),
    h('span', { class: 'who' }, e.actor === 'validation' ? 'by the automatic checks' : `by ${e.actor}`),
    e.note ? h('span', { class: 'event-note' }, e.note) : null)));
}

/** Whoever put files into the draft: the four-eyes rule keeps them from approving it. */
function authors(view) {
  const names = new Set([view.draft.author]);
  for (const e of view.events ?? []) {
    if ((e.from === null || e.from === undefined || e.to === 'DRAFT') && e.actor !== 'validation') names.add(e.actor);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// What the user may do here, and why not

function setAllowed(button, allowed, why) {
  button.disabled = !allowed;
  button.title = allowed ? '' : why;
  button.parentElement?.classList?.toggle('blocked', !allowed);
  if (button.parentElement?.classList?.contains('action')) button.parentElement.title = allowed ? '' : why;
}

function renderPermissions() {
  // upload
  const uploadBlocked = !state.user ? 'Paste a token first.'
    : !can.upload() ? `Uploading needs the analyst role; yours: ${rolesText()}.` : null;
  setAllowed($('upload-submit'), !uploadBlocked && state.uploadFiles.length > 0,
    uploadBlocked ?? 'Choose or drop at least one table first.');
  $('upload-why').textContent = uploadBlocked ?? '';

  // decide
  const decideBlocked = !state.user ? 'Paste a token first.'
    : !can.decide() ? `Trying a case needs the analyst, approver or developer role; yours: ${rolesText()}.` : null;
  setAllowed($('decide'), !decideBlocked, decideBlocked ?? '');
  $('decide-why').textContent = decideBlocked ?? '';

  const view = state.view;
  if (!view) return;
  const d = view.draft;
  const open = OPEN.has(d.status);
  const me = state.user?.name;
  const isAuthor = me && authors(view).has(me);

  // revise
  show($('revise'), open && can.upload());
  setAllowed($('revise-submit'), open && can.upload() && state.reviseFiles.length > 0, 'Choose the corrected file first.');

  // simulation and regression
  const trialBlocked = !can.trial() ? `Trying a version out needs the analyst, approver or developer role; yours: ${rolesText()}.`
    : d.status === 'DRAFT' ? 'Fix the errors first: a draft with errors cannot be tried out.'
      : d.status === 'REJECTED' ? 'This draft was rejected.' : null;
  setAllowed($('sim-start'), !trialBlocked && !state.poll, trialBlocked ?? 'A simulation is running.');
  setAllowed($('regression-run'), !trialBlocked, trialBlocked ?? '');
  $('trial-why').textContent = trialBlocked ?? '';

  // approve, reject, activate, roll back
  const why = [];
  const rule = (id, label, relevant, statusWhy, roleOk, roleWhy, extraWhy) => {
    const reason = !relevant ? statusWhy : !roleOk ? roleWhy : extraWhy;
    setAllowed($(id), !reason, reason ?? '');
    if (relevant && reason) why.push(h('li', { test: `why-${id}` }, h('strong', {}, `${label}: `), reason));
  };
  rule('approve', 'Approve', d.status === 'VALIDATED',
    d.status === 'DRAFT' ? 'Only a draft that passed the checks can be approved.' : `A ${STATUS[d.status]?.label.toLowerCase() ?? d.status} version cannot be approved.`,
    can.approve(), `only an approver can approve; your roles: ${rolesText()}.`,
    isAuthor ? 'you uploaded or revised this draft, so a second person must approve it (four-eyes rule).' : null);
  rule('reject', 'Reject', open, 'Only an open draft can be rejected.',
    can.approve() || (can.reject() && isAuthor), 'only an approver or the draft\'s author can reject it.', null);
  rule('activate', 'Put in force', d.status === 'APPROVED',
    d.status === 'ACTIVE' ? 'This version is already in force.' : 'A draft must be approved before it is put in force.',
    can.activate(), `only an approver can put a version in force; your roles: ${rolesText()}.`, null);
  rule('rollback', 'Roll back', d.status === 'RETIRED',
    d.status === 'ACTIVE' ? 'This version is already in force.' : 'Only a version that was in force before can be rolled back to.',
    can.activate(), `only an approver can roll back; your roles: ${rolesText()}.`, null);
  $('actions-why').replaceChildren(...why);
}

// ---------------------------------------------------------------------------------------------------------------
// Upload and revise

function chosen(files, target) {
  target.replaceChildren(...(files.length ? files.map(f => h('span', { class: 'chip' }, f.name)) : ['No file chosen']));
}

function tablesOnly(files) {
  return [...files].filter(f => /\.drl\.(xlsx|csv)$/i.test(f.name) || /\.(xlsx|csv)$/i.test(f.name));
}

async function upload() {
  const result = $('upload-result');
  const form = new FormData();
  state.uploadFiles.forEach(f => form.append('files', f, f.name));
  const note = $('upload-note').value.trim();
  if (note) form.append('note', note);
  $('upload-submit').disabled = true;
  message(result, 'info', 'Uploading and checking…');
  try {
    const view = await api('rulesets/drafts', { method: 'POST', form });
    const d = view.draft;
    const text = d.status === 'VALIDATED'
      ? `Draft #${d.id} passed every check${d.warnings ? ` (${d.warnings} warning${d.warnings > 1 ? 's' : ''})` : ''}.`
      : `Draft #${d.id} has ${d.errors} error${d.errors > 1 ? 's' : ''} to fix: see below, then upload the corrected file.`;
    message(result, d.status === 'VALIDATED' ? 'ok' : 'warn', text);
    state.uploadFiles = [];
    $('upload-files').value = '';
    $('upload-note').value = '';
    chosen([], $('upload-chosen'));
    renderDetails(view);
    await loadVersions();
  } catch (e) {
    message(result, 'error', explain(e));
  } finally {
    renderPermissions();
  }
}

async function revise() {
  const result = $('revise-result');
  const id = state.view.draft.id;
  const form = new FormData();
  state.reviseFiles.forEach(f => form.append('files', f, f.name));
  const note = $('revise-note').value.trim();
  if (note) form.append('note', note);
  $('revise-submit').disabled = true;
  message(result, 'info', 'Uploading and checking…');
  try {
    const view = await api(`rulesets/drafts/${id}/files`, { method: 'POST', form });
    state.reviseFiles = [];
    $('upload-result').replaceChildren();
    $('revise-files').value = '';
    $('revise-note').value = '';
    renderDetails(view);
    const d = view.draft;
    message($('revise-result'), d.status === 'VALIDATED' ? 'ok' : 'warn', d.status === 'VALIDATED'
      ? `Corrected: draft #${d.id} now passes every check.`
      : `Draft #${d.id} still has ${d.errors} error${d.errors > 1 ? 's' : ''}.`);
    await loadVersions();
  } catch (e) {
    message(result, 'error', explain(e));
  } finally {
    renderPermissions();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Approve, reject, activate, roll back

async function step(kind) {
  const d = state.view.draft;
  const note = $('action-note').value.trim();
  const body = note ? { note } : {};
  const target = $('action-message');
  const path = kind === 'rollback' ? `rulesets/${encodeURIComponent(d.version)}/activate` : `rulesets/drafts/${d.id}/${kind}`;
  message(target, 'info', 'Working…');
  try {
    const view = await api(path, { method: 'POST', json: body });
    $('action-note').value = '';
    const done = {
      approve: `Approved. An approver can now put draft #${view.draft.id} in force.`,
      reject: `Draft #${view.draft.id} is rejected and goes no further.`,
      activate: `Version #${view.draft.id} is in force: it decides every case from now on.`,
      rollback: `Rolled back: version #${view.draft.id} (${shortVersion(view.draft.version)}) is in force again.`,
    }[kind];
    await Promise.all([loadActive(), loadVersions()]);
    renderDetails(view);
    message($('action-message'), 'ok', done);
  } catch (e) {
    message(target, 'error', explain(e));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Simulation and regression

function renderBaselines() {
  const select = $('sim-baseline');
  const current = select.value;
  const candidate = state.view?.draft.version;
  const options = state.versions.filter(v => v.version !== candidate && TRIABLE.has(v.status) && v.status !== 'ACTIVE');
  select.replaceChildren(h('option', { value: '' }, 'the version in force'),
    ...options.map(v => h('option', { value: v.version }, `#${v.id} ${STATUS[v.status]?.label.toLowerCase() ?? v.status} (${shortVersion(v.version)})`)));
  if ([...select.options].some(o => o.value === current)) select.value = current;
}

function stopPolling(clear) {
  if (state.poll) clearTimeout(state.poll.timer);
  state.poll = null;
  if (clear) {
    $('sim-status').replaceChildren();
    $('sim-report').replaceChildren();
    $('regression-result').replaceChildren();
  }
}

async function startSimulation() {
  const d = state.view.draft;
  const sampleText = $('sim-sample').value.trim();
  const sample = sampleText ? Number(sampleText) : null;
  const status = $('sim-status');
  $('sim-report').replaceChildren();
  if (sample !== null && (!Number.isInteger(sample) || sample < 1)) {
    message(status, 'error', 'The number of cases must be a whole number from 1 up, or empty for all stored cases.');
    return;
  }
  message(status, 'info', 'Starting the simulation…');
  try {
    // an empty baseline or sample is left out: the service then takes the version in force, or every stored case
    const s = await api('rulesets/simulations', {
      method: 'POST', json: { candidate: d.version, baseline: $('sim-baseline').value || undefined, sample: sample ?? undefined },
    });
    state.poll = { id: s.simulationId, draftId: d.id, timer: null };
    renderPermissions();
    showSimulation(s);
  } catch (e) {
    message(status, 'error', explain(e));
  }
}

function showSimulation(s) {
  const status = $('sim-status');
  const finished = ['COMPLETED', 'FAILED', 'CANCELLED'].includes(s.status);
  const parts = [];
  if (s.total != null) parts.push(`${numberFormat.format(s.done)} of ${numberFormat.format(s.total)} cases`);
  else parts.push(`${numberFormat.format(s.done)} cases`);
  if (!finished && s.casesPerSecond) parts.push(`${numberFormat.format(Math.round(s.casesPerSecond))} cases a second`);
  if (!finished && s.etaSeconds != null) parts.push(`about ${s.etaSeconds < 90 ? `${s.etaSeconds} s` : `${Math.round(s.etaSeconds / 60)} min`} left`);
  const label = { RUNNING: 'Running', COMPLETED: 'Finished', FAILED: 'Failed', CANCELLED: 'Cancelled' }[s.status] ?? words(s.status);
  status.replaceChildren(h('div', { class: 'sim-progress', test: 'sim-progress', data: { status: s.status } },
    h('div', { class: 'sim-progress-head' }, h('strong', {}, label), ' · ', parts.join(' · ')),
    progressBar(finished && s.status === 'COMPLETED' ? 100 : s.percent)));
  if (s.status === 'FAILED') {
    status.append(h('div', { class: 'msg msg-error' }, `The simulation failed: ${s.error ?? 'no reason given'}.`));
  }
  if (s.report) renderReport(s.report, s);
  if (finished) {
    stopPolling(false);
    renderPermissions();
  } else if (state.poll && state.poll.id === s.simulationId) {
    state.poll.timer = setTimeout(() => poll(s.simulationId), POLL_MS);
  }
}

async function poll(id) {
  if (!state.poll || state.poll.id !== id) return;
  try {
    showSimulation(await api(`rulesets/simulations/${encodeURIComponent(id)}`));
  } catch (e) {
    stopPolling(false);
    message($('sim-status'), 'error', `The simulation's progress cannot be read: ${explain(e)}`);
    renderPermissions();
  }
}

function renderReport(r, s) {
  const pct = r.decided ? (r.changed * 100) / r.decided : 0;
  const tiles = h('div', { class: 'tiles' },
    tile('Cases decided', numberFormat.format(r.decided ?? 0)),
    tile('Decision changes', `${numberFormat.format(r.changed)}`, `${pct.toFixed(1)} % of the cases`, r.changed ? 'tile-warn' : ''),
    tile('Could not be decided', numberFormat.format(r.failed), r.failed ? 'by either version' : '', r.failed ? 'tile-bad' : ''));
  const charts = h('div', { class: 'charts' },
    groupedBars('Next action', counts(r.byNextAction).map(x => ({ ...x, key: words(x.key) }))),
    groupedBars('Overdue bucket', ordered(counts(r.byBucket), BUCKETS)),
    groupedBars('Risk rating', ordered(counts(r.byRating), RATINGS).map(x => ({ ...x, key: words(x.key) }))),
    groupedBars('Classification', ordered(counts(r.byClassification), CLASSES).map(x => ({ ...x, key: words(x.key) }))));
  const download = h('button', { type: 'button', class: 'btn', test: 'sim-download', onclick: async () => {
    try {
      const id = encodeURIComponent(s.simulationId);
      await saveResponse(await api(`rulesets/simulations/${id}/changes?format=csv`, { accept: 'text/csv', raw: true }),
        `simulation-${s.simulationId}-changes.csv`);
    } catch (e) {
      message($('sim-status'), 'error', explain(e));
    }
  } }, '⬇ Download the changed cases (CSV)');
  $('sim-report').replaceChildren(h('div', { class: 'report' },
    h('p', { class: 'report-intro' }, `Each stored case decided by ${s.baseline ? `version ${shortVersion(s.baseline)}` : 'the version in force'} (before) and by this draft (after).`),
    tiles, charts,
    h('h4', {}, 'How the next action moves'),
    h('p', { class: 'hint' }, 'Rows: next action before; columns: after. The shaded diagonal is the cases that keep their action.'),
    transitionMatrix(r.transitions),
    h('h4', {}, 'Expected loss'),
    lossTable(r.expectedLoss),
    h('div', { class: 'row-actions' }, download)));
}

const BUCKETS = ['M0', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7+'];
const RATINGS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH', 'CRITICAL'];
const CLASSES = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'];

/** The report's counts, {KEY: {before, after, change}}, as rows [{key, before, after, change}]. */
function counts(byKey) {
  return Object.entries(byKey).map(([key, c]) => ({ key, ...c }));
}

/** Categories in their natural order (low to high), any others after them. */
function ordered(rows, order) {
  const rank = key => (order.indexOf(key) < 0 ? order.length : order.indexOf(key));
  return [...rows].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

function tile(label, value, sub, css) {
  return h('div', { class: `tile ${css ?? ''}` }, h('div', { class: 'tile-label' }, label),
    h('div', { class: 'tile-value' }, value), sub ? h('div', { class: 'tile-sub' }, sub) : null);
}

function transitionMatrix(transitions) {
  const from = Object.keys(transitions);
  const to = [...new Set(from.flatMap(k => Object.keys(transitions[k] ?? {})))];
  const keys = [...new Set([...from, ...to])].sort();
  if (!keys.length) return h('p', { class: 'muted' }, 'No cases.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'matrix', test: 'sim-transitions' },
    h('thead', {}, h('tr', {}, h('th', { class: 'corner' }, 'before ↓  after →'), ...keys.map(k => h('th', {}, words(k))), h('th', {}, 'Total'))),
    h('tbody', {}, ...keys.map(b => {
      const row = transitions[b] ?? {};
      const total = Object.values(row).reduce((x, y) => x + Number(y), 0);
      return h('tr', {}, h('th', {}, words(b)), ...keys.map(a => {
        const n = Number(row[a] ?? 0);
        return h('td', { class: a === b ? 'same' : n ? 'moved' : 'zero' }, n ? numberFormat.format(n) : '·');
      }), h('td', { class: 'total' }, numberFormat.format(total)));
    }))));
}

/** The expected loss, {CURRENCY: {before, after, change}}. */
function lossTable(byCurrency) {
  const rows = Object.entries(byCurrency);
  if (!rows.length) return h('p', { class: 'muted' }, 'No expected loss reported.');
  return h('table', { class: 'loss', test: 'sim-loss' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Currency'), h('th', {}, 'Before'), h('th', {}, 'After'), h('th', {}, 'Change'))),
    h('tbody', {}, ...rows.map(([currency, r]) => {
      const pct = r.before ? ` (${signed((r.change * 100) / r.before, x => x.toFixed(1))} %)` : '';
      return h('tr', {}, h('td', {}, currency), h('td', { class: 'num' }, money(r.before, currency)),
        h('td', { class: 'num' }, money(r.after, currency)),
        h('td', { class: `num ${r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''}` }, signed(r.change, x => money(x, currency)) + pct));
    })));
}

async function runRegression() {
  const d = state.view.draft;
  const target = $('regression-result');
  message(target, 'info', 'Deciding the regression cases with this version…');
  $('regression-run').disabled = true;
  try {
    const r = await api('rulesets/regressions', { method: 'POST', json: { candidate: d.version } });
    const ok = r.failed === 0;
    const head = h('div', { class: `msg ${ok ? 'msg-ok' : 'msg-warn'}`, test: 'regression-summary', data: { passed: r.passed, failed: r.failed } },
      ok ? `✓ All ${numberFormat.format(r.total)} regression cases give the expected decision.`
        : `${numberFormat.format(r.failed)} of ${numberFormat.format(r.total)} regression cases no longer give the expected decision`
          + (r.failures.length > r.failed ? ` (${numberFormat.format(r.failures.length)} differences).` : '.'));
    const listed = r.failures.slice(0, 200);
    const table = r.failures.length ? h('table', { class: 'failures', test: 'regression-failures' },
      h('colgroup', {}, h('col', { style: 'width: 28%' }), h('col', { style: 'width: 22%' }), h('col', { style: 'width: 25%' }), h('col', { style: 'width: 25%' })),
      h('thead', {}, h('tr', {}, h('th', {}, 'Case'), h('th', {}, 'What'), h('th', {}, 'Expected'), h('th', {}, 'Actual'))),
      h('tbody', {}, ...listed.map(f => h('tr', {},
        h('td', {}, f.name, f.source !== 'corpus' ? h('div', { class: 'muted' }, `${f.source}${f.row ? ', row ' + f.row : ''}`) : null),
        h('td', {}, f.error ? 'no decision' : h('code', {}, f.pointer)),
        h('td', {}, f.error ? '' : value(f.expected)),
        h('td', { class: 'actual' }, f.error ? f.error : difference(f.expected, f.actual)))))) : null;
    const more = r.failures.length > listed.length ? h('p', { class: 'muted' }, `… and ${r.failures.length - listed.length} more.`) : null;
    target.replaceChildren(head, table ?? '', more ?? '');
  } catch (e) {
    message(target, 'error', explain(e));
  } finally {
    renderPermissions();
  }
}

/** What came out; for lists (reason codes), what is missing from them, the whole list folded away. */
function difference(expected, actual) {
  if (!Array.isArray(expected) || !Array.isArray(actual)) return value(actual);
  const missing = expected.filter(x => !actual.some(y => JSON.stringify(y) === JSON.stringify(x)));
  return h('div', {},
    missing.length ? ['missing ', h('code', {}, missing.map(x => (typeof x === 'string' ? x : JSON.stringify(x))).join(', '))]
      : 'in another order',
    h('details', {}, h('summary', {}, `all ${actual.length}`), h('code', {}, actual.join(', '))));
}

function value(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, '(none)');
  return typeof v === 'object' ? h('code', {}, JSON.stringify(v)) : String(v);
}

// ---------------------------------------------------------------------------------------------------------------
// Decision explorer

/** The versions a case can be tried on: those that compile (validated drafts, approved, active, retired). */
function fillDecideWith() {
  const select = $('decide-with');
  const chosen = select.value;
  const usable = state.versions.filter(v => !['DRAFT', 'REJECTED'].includes(v.status) && v.status !== 'ACTIVE');
  select.replaceChildren(h('option', { value: '' }, 'the version in force'),
    ...usable.map(v => h('option', { value: v.version },
      `#${v.id} ${shortVersion(v.version)} (${v.status.toLowerCase()}${v.author ? ', ' + v.author : ''})`)));
  if (usable.some(v => v.version === chosen)) select.value = chosen;
  select.disabled = !can.tryVersion();
}

async function decide() {
  const target = $('decision');
  let body;
  try {
    body = JSON.parse($('case-json').value);
  } catch (e) {
    message(target, 'error', `The case is not valid JSON: ${e.message}`);
    return;
  }
  message(target, 'info', 'Deciding…');
  try {
    const version = $('decide-with').value || state.active?.version;
    const path = can.tryVersion() && version ? `rulesets/${version}/decisions` : 'decisions';
    renderDecision(await api(path, { method: 'POST', json: body }), body);
  } catch (e) {
    message(target, 'error', explain(e));
  }
}

function source(src) {
  if (!src) return '';
  const [file, where] = src.split('#');
  const name = baseName(file);
  if (!where) return name;
  if (where.startsWith('L')) return `${name}, line ${where.slice(1)}`;
  const bang = where.indexOf('!');
  return bang >= 0 ? `${name}, sheet ${where.slice(0, bang)}, row ${where.slice(bang + 1)}` : `${name}, row ${where}`;
}

function renderDecision(d, request) {
  state.decision = { d, request };
  const currency = request?.loan?.currency ?? 'CNY';
  const fact = (label, v, test) => h('div', { class: 'fact', test }, h('dt', {}, label), h('dd', {}, v ?? '–'));
  const na = d.nextAction ?? {};
  const headline = h('div', { class: 'headline', test: 'decision-next-action', data: { action: na.type ?? '' } },
    h('div', { class: 'headline-label' }, 'Next action'),
    h('div', { class: 'headline-value' }, words(na.type)),
    h('div', { class: 'headline-sub' }, na.priority ? `priority ${na.priority} (1 is most urgent)` : '',
      na.notBefore ? ` · not before ${when(na.notBefore)}` : ''));
  const o = d.overdue ?? {};
  const r = d.risk ?? {};
  const c = d.contact ?? {};
  const l = d.legal ?? {};
  const p = d.repaymentPlan;
  const facts = h('dl', { class: 'facts' },
    fact('Days past due', o.daysPastDue),
    fact('Bucket', o.bucket, 'decision-bucket'),
    fact('Classification', words(o.classification), 'decision-classification'),
    fact('Penalty interest', money(o.penaltyInterest, currency)),
    fact('Risk rating', words(r.rating), 'decision-rating'),
    fact('Risk score', r.score),
    fact('Loan to value', r.loanToValue != null ? `${(r.loanToValue * 100).toFixed(1)} %` : null),
    fact('Expected loss', money(r.expectedLoss, currency)),
    fact('Contact by', words(c.channel), 'decision-contact'),
    fact('Script', c.scriptId),
    fact('Next contact from', c.earliestNextContact ? when(c.earliestNextContact) : null),
    fact('Attempts left', [c.attemptsLeftToday != null ? `${c.attemptsLeftToday} today` : null,
      c.attemptsLeftThisWeek != null ? `${c.attemptsLeftThisWeek} this week` : null].filter(Boolean).join(', ') || null),
    fact('Legal step', words(l.stage)),
    fact('Limitation ends', l.limitationExpiresOn ? day(l.limitationExpiresOn) : null),
    fact('Repayment plan', p ? (p.eligible ? [...new Set((p.options ?? []).map(x => words(x.type)))].join(', ') || 'eligible'
      : 'not offered') : null));
  const reasons = h('table', { class: 'reasons', test: 'decision-reasons' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Area'), h('th', {}, 'Why'), h('th', {}, 'Rule'), h('th', {}, 'Where it is written'))),
    h('tbody', {}, ...(d.reasons ?? []).map(x => h('tr', { test: 'decision-reason', data: { code: x.code ?? '' } },
      h('td', {}, h('span', { class: 'area' }, words(x.area))),
      h('td', {}, x.message ?? '', h('div', { class: 'muted code' }, x.code ?? '')),
      h('td', {}, x.rule ?? ''),
      h('td', { class: 'source' }, source(x.source))))));
  const version = h('p', { class: 'decided-by', test: 'decision-version', data: { version: d.rulesetVersion ?? '' } });
  $('decision').replaceChildren(headline, facts, h('h4', {}, 'Reasons'), reasons, version);
  renderDecidedBy();
}

function renderDecidedBy() {
  const target = document.querySelector('[data-test=decision-version]');
  if (!target || !state.decision) return;
  const d = state.decision.d;
  const draft = state.versions.find(v => v.version === d.rulesetVersion);
  const inForce = state.active && state.active.version === d.rulesetVersion;
  target.replaceChildren('Decided by ruleset version ', h('code', {}, shortVersion(d.rulesetVersion)),
    draft ? ` (#${draft.id})` : '',
    inForce ? ', the version in force' : state.active ? ', no longer in force' : '',
    d.asOf ? `, as of ${when(d.asOf)}` : '',
    ` · ${(d.rulesFired ?? []).length} rules fired`);
}

// ---------------------------------------------------------------------------------------------------------------
// Notices and wiring

function notice(kind, text) {
  const n = $('notice');
  n.className = `notice notice-${kind}`;
  n.textContent = text;
  show(n, true);
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => show(n, false), 10000);
}

function wire() {
  const dialog = $('token-dialog');
  $('token-form').addEventListener('submit', e => {
    try {
      useToken($('token-input').value);
      $('token-input').value = '';
      $('token-error').textContent = '';
      state.view = null;
      refreshAll();
    } catch (err) {
      e.preventDefault();
      $('token-error').textContent = err.message;
    }
  });
  $('token-cancel').addEventListener('click', () => dialog.close());
  $('token-forget').addEventListener('click', () => {
    forgetToken();
    $('token-reason').textContent = 'Signed out. Paste a token to sign in again.';
  });
  $('token-change').addEventListener('click', () => askForToken());

  const input = $('upload-files');
  const zone = $('dropzone');
  input.addEventListener('change', () => {
    state.uploadFiles = tablesOnly(input.files);
    chosen(state.uploadFiles, $('upload-chosen'));
    if (input.files.length && !state.uploadFiles.length) message($('upload-result'), 'error', 'Only decision tables (*.drl.xlsx or *.drl.csv) can be uploaded.');
    else $('upload-result').replaceChildren();
    renderPermissions();
  });
  for (const type of ['dragenter', 'dragover']) zone.addEventListener(type, () => zone.classList.add('dragging'));
  for (const type of ['dragleave', 'drop']) zone.addEventListener(type, () => zone.classList.remove('dragging'));
  $('upload-submit').addEventListener('click', upload);

  $('revise-files').addEventListener('change', () => {
    state.reviseFiles = tablesOnly($('revise-files').files);
    renderPermissions();
  });
  $('revise-submit').addEventListener('click', revise);

  $('versions-filter').addEventListener('change', renderVersions);
  $('versions-refresh').addEventListener('click', refreshAll);

  for (const kind of ['approve', 'reject', 'activate', 'rollback']) $(kind).addEventListener('click', () => step(kind));
  $('sim-start').addEventListener('click', startSimulation);
  $('regression-run').addEventListener('click', runRegression);

  const example = JSON.stringify(EXAMPLE_CASE, null, 2);
  $('case-json').value = example;
  $('case-reset').addEventListener('click', () => { $('case-json').value = example; });
  $('decide').addEventListener('click', decide);
}

function start() {
  wire();
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    try {
      useToken(saved);
    } catch (e) {
      forgetToken();
      askForToken(e.message);
    }
  } else {
    renderWho();
    askForToken();
  }
  refreshAll();
  document.body.dataset.ready = 'true';
}

start();
