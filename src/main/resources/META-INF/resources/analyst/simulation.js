// Trying a version on the stored portfolio: the simulation's progress, then its report (counts before and after,
// how the next action moves, the expected loss) and the changed cases to download.
import { api, explain } from './api.js';
import { groupedBars, progressBar } from './charts.js';
import { $, h, message, money, numberFormat, saveResponse, shortVersion, signed, words } from './dom.js';
import { percentFormat, t, tn } from './i18n.js';
import { renderPermissions } from './permissions.js';
import { TRIABLE, state, statusLabel } from './state.js';

const POLL_MS = 1000;

export function renderBaselines() {
  const select = $('sim-baseline');
  const current = select.value;
  const candidate = state.view?.draft.version;
  const options = state.versions.filter(v => v.version !== candidate && TRIABLE.has(v.status) && v.status !== 'ACTIVE');
  select.replaceChildren(h('option', { value: '' }, t('version.inForce')),
    ...options.map(v => h('option', { value: v.version }, `#${v.id} ${statusLabel(v.status)} (${shortVersion(v.version)})`)));
  if ([...select.options].some(o => o.value === current)) select.value = current;
}

export function stopPolling(clear) {
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
    message(status, 'error', t('sim.badSample'));
    return;
  }
  message(status, 'info', t('sim.starting'));
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
  if (s.total != null) parts.push(t('sim.doneOf', { done: numberFormat.format(s.done), total: numberFormat.format(s.total) }));
  else parts.push(tn('sim.cases', s.done));
  if (!finished && s.casesPerSecond) parts.push(t('sim.rate', { n: numberFormat.format(Math.round(s.casesPerSecond)) }));
  if (!finished && s.etaSeconds != null) {
    parts.push(s.etaSeconds < 90 ? t('sim.etaSeconds', { n: s.etaSeconds }) : t('sim.etaMinutes', { n: Math.round(s.etaSeconds / 60) }));
  }
  const label = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'].includes(s.status) ? t(`sim.status.${s.status}`) : words(s.status);
  status.replaceChildren(h('div', { class: 'sim-progress', test: 'sim-progress', data: { status: s.status } },
    h('div', { class: 'sim-progress-head' }, h('strong', {}, label), ' · ', parts.join(' · ')),
    progressBar(finished && s.status === 'COMPLETED' ? 100 : s.percent)));
  if (s.status === 'FAILED') {
    status.append(h('div', { class: 'msg msg-error' }, t('sim.failed', { error: s.error ?? t('sim.noReason') })));
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
    message($('sim-status'), 'error', t('sim.unreadable', { error: explain(e) }));
    renderPermissions();
  }
}

function renderReport(r, s) {
  const pct = r.decided ? (r.changed * 100) / r.decided : 0;
  const tiles = h('div', { class: 'tiles' },
    tile(t('sim.decided'), numberFormat.format(r.decided ?? 0)),
    tile(t('sim.changed'), `${numberFormat.format(r.changed)}`, t('sim.ofCases', { pct: percentFormat.format(pct / 100) }), r.changed ? 'tile-warn' : ''),
    tile(t('sim.undecided'), numberFormat.format(r.failed), r.failed ? t('sim.eitherVersion') : '', r.failed ? 'tile-bad' : ''));
  const charts = h('div', { class: 'charts' },
    groupedBars(t('chart.nextAction'), counts(r.byNextAction).map(x => ({ ...x, key: words(x.key) }))),
    groupedBars(t('chart.bucket'), ordered(counts(r.byBucket), BUCKETS)),
    groupedBars(t('chart.rating'), ordered(counts(r.byRating), RATINGS).map(x => ({ ...x, key: words(x.key) }))),
    groupedBars(t('chart.classification'), ordered(counts(r.byClassification), CLASSES).map(x => ({ ...x, key: words(x.key) }))));
  const download = h('button', { type: 'button', class: 'btn', test: 'sim-download', onclick: async () => {
    try {
      const id = encodeURIComponent(s.simulationId);
      await saveResponse(await api(`rulesets/simulations/${id}/changes?format=csv`, { accept: 'text/csv', raw: true }),
        `simulation-${s.simulationId}-changes.csv`);
    } catch (e) {
      message($('sim-status'), 'error', explain(e));
    }
  } }, `⬇ ${t('sim.download')}`);
  $('sim-report').replaceChildren(h('div', { class: 'report' },
    h('p', { class: 'report-intro' }, t('sim.intro', { baseline: s.baseline ? t('sim.versionNo', { version: shortVersion(s.baseline) }) : t('version.inForce') })),
    tiles, charts,
    h('h4', {}, t('sim.moves')),
    h('p', { class: 'hint' }, t('sim.movesHint')),
    transitionMatrix(r.transitions),
    h('h4', {}, t('sim.loss')),
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
  if (!keys.length) return h('p', { class: 'muted' }, t('sim.noCases'));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'matrix', test: 'sim-transitions' },
    h('thead', {}, h('tr', {}, h('th', { class: 'corner' }, t('sim.corner')), ...keys.map(k => h('th', {}, words(k))), h('th', {}, t('sim.total')))),
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
  if (!rows.length) return h('p', { class: 'muted' }, t('sim.noLoss'));
  return h('table', { class: 'loss', test: 'sim-loss' },
    h('thead', {}, h('tr', {}, h('th', {}, t('sim.currency')), h('th', {}, t('changes.before')), h('th', {}, t('changes.after')), h('th', {}, t('sim.change')))),
    h('tbody', {}, ...rows.map(([currency, r]) => {
      const pct = r.before ? ` (${signed(r.change / r.before, x => percentFormat.format(x))})` : '';
      return h('tr', {}, h('td', {}, currency), h('td', { class: 'num' }, money(r.before, currency)),
        h('td', { class: 'num' }, money(r.after, currency)),
        h('td', { class: `num ${r.change > 0 ? 'up' : r.change < 0 ? 'down' : ''}` }, signed(r.change, x => money(x, currency)) + pct));
    })));
}

export function wireSimulation() {
  $('sim-start').addEventListener('click', startSimulation);
}
