// Champion/challenger experiments: the list with the steps each one may take next, a form to propose one, an arm to
// promote, and the report of what became of each arm's cases. The service decides who may take a step (roles, four
// eyes) and answers a refusal in words, shown beside the list.
import { api, apiUrl, explain } from './api.js';
import { intervalBars } from './charts.js';
import { $, h, message, numberFormat, shortVersion, show, when } from './dom.js';
import { lang, percentFormat, t } from './i18n.js';
import { state } from './state.js';

/** The steps that fit each status; whether the caller may take one is the service's to say. */
const STEPS = {
  PROPOSED: ['approve', 'stop'],
  APPROVED: ['start', 'stop'],
  RUNNING: ['pause', 'stop'],
  PAUSED: ['resume', 'stop'],
  STOPPED: [],
};
/** Statuses in which cases have been assigned, so there is something to report. */
const REPORTED = new Set(['RUNNING', 'PAUSED', 'STOPPED']);
/** An arm is promoted while the experiment is live; a stopped one has nothing left to promote from. */
const PROMOTABLE = new Set(['RUNNING', 'PAUSED']);
/** The two-sided 95 % normal quantile, as the service's intervals use. */
const Z95 = 1.959964;

/** The experiment whose report is open, kept across refreshes of the list. */
let reported = null;

export async function refreshExperiments() {
  const body = $('experiments-body');
  if (!state.user) return; // signed out: the table keeps asking to sign in, and no dialog opens twice
  try {
    const list = await api('experiments');
    body.replaceChildren(...(list.length ? list.map(row)
      : [h('tr', {}, h('td', { colspan: 5, class: 'empty' }, t('experiments.none')))]));
    if (reported) reported = list.find(x => x.id === reported.id) ?? null;
  } catch (e) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 5, class: 'empty' }, explain(e))));
  }
}

function row(x) {
  const arms = x.arms.map(a => `${a.arm} ${a.share} %${a.version ? ` (${shortVersion(a.version)})` : ''}`).join(', ');
  const segment = [...x.segment.buckets, ...x.segment.jurisdictions, ...x.segment.riskRatings].join(', ') || t('experiments.everyCase');
  return h('tr', { test: 'experiment-row', data: { id: x.id, status: x.status } },
    h('td', {}, `${x.id}`),
    h('td', {}, x.name, h('div', { class: 'muted' }, `${x.createdBy} · ${when(x.createdAt)}`)),
    h('td', { test: 'experiment-status' }, t(`experiments.status.${x.status}`)),
    h('td', {}, arms, h('div', { class: 'muted' }, segment)),
    h('td', {}, h('div', { class: 'experiment-steps' },
      ...STEPS[x.status].map(step => h('button', {
        type: 'button', class: 'btn btn-quiet', test: `experiment-${step}`,
        onclick: () => take(x.id, step),
      }, t(`experiments.step.${step}`))),
      REPORTED.has(x.status) && h('button', {
        type: 'button', class: 'btn btn-quiet', test: 'experiment-report-open', onclick: () => openReport(x),
      }, t('experiments.step.report')),
      PROMOTABLE.has(x.status) && promoter(x))));
}

/** The challenger to promote, and the button that puts its version in force. */
function promoter(x) {
  const challengers = x.arms.slice(1);
  if (!challengers.length) return null;
  const arm = h('select', { test: 'experiment-promote-arm', 'aria-label': t('experiments.promoteArm') },
    ...challengers.map(a => h('option', { value: a.arm }, `${a.arm} (${shortVersion(a.version)})`)));
  return h('span', { class: 'inline' }, arm, h('button', {
    type: 'button', class: 'btn btn-quiet', test: 'experiment-promote',
    onclick: () => take(x.id, 'promote', { arm: arm.value }),
  }, t('experiments.step.promote')));
}

async function take(id, step, json = {}) {
  const target = $('experiments-message');
  try {
    await api(`experiments/${id}/${step}`, { method: 'POST', json });
    message(target, 'ok', step === 'promote'
      ? t('experiments.promoted', { id, arm: json.arm })
      : t('experiments.done', { id, step: t(`experiments.step.${step}`) }));
  } catch (e) {
    message(target, 'error', refusal(e));
  }
  await refreshExperiments();
}

/** A refusal in words; for four eyes the service's own, which names the experiment and who proposed it. */
function refusal(e) {
  if ((e.problem?.type ?? '').endsWith('/four-eyes') && e.problem.detail) {
    return t('experiments.fourEyes', { detail: e.problem.detail });
  }
  return explain(e);
}

async function propose() {
  const target = $('experiment-proposal');
  const share = Number($('experiment-share').value);
  const buckets = $('experiment-buckets').value.split(',').map(b => b.trim()).filter(b => b);
  try {
    const x = await api('experiments', { method: 'POST', json: {
      name: $('experiment-name').value,
      championShare: 100 - share,
      challengers: [{ arm: 'challenger', version: $('experiment-version').value.trim(), share }],
      segment: buckets.length ? { buckets } : undefined,
    } });
    message(target, 'ok', t('experiments.proposed', { id: x.id }));
  } catch (e) {
    message(target, 'error', explain(e));
  }
  refreshExperiments();
}

function openReport(x) {
  reported = x;
  show($('experiment-report'), true);
  showReport();
  $('experiment-report').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

/** The report's question: window, lift and instant, as query parameters. */
function query() {
  const q = new URLSearchParams({ window: $('report-window').value });
  const lift = $('report-lift').value.trim();
  if (lift) q.set('liftPoints', lift);
  const day = $('report-as-of').value;
  if (day) q.set('asOf', `${day}T23:59:59Z`);
  return q;
}

async function showReport() {
  if (!reported) return;
  const x = reported;
  const q = query();
  $('report-name').textContent = `#${x.id} ${x.name}`;
  const csv = $('report-csv');
  csv.href = apiUrl(`experiments/${x.id}/report?${q}&format=csv`);
  csv.download = `experiment-${x.id}-report.csv`;
  const body = $('report-body');
  message(body, 'info', t('report.loading'));
  try {
    const report = await api(`experiments/${x.id}/report?${q}`);
    body.replaceChildren(...renderReport(report));
  } catch (e) {
    message(body, 'error', explain(e));
  }
}

function renderReport(r) {
  const days = Number(/^P(\d+)D$/.exec(r.window)?.[1] ?? 0);
  const intro = [t('report.intro', { days: numberFormat.format(days), when: when(r.asOf) })];
  if (r.casesPerArmForLift != null) {
    intro.push(t('report.forLift', { lift: numberFormat.format(r.liftPoints), n: numberFormat.format(r.casesPerArmForLift) }));
  }
  return [
    h('p', { class: 'report-intro', test: 'report-intro' }, intro.join(' ')),
    armsTable(r.arms),
    h('div', { class: 'charts' }, h('div', { test: 'report-chart' }, ratesChart(r.arms))),
    ...r.challengers.map(challenger),
  ];
}

const rate = v => (v == null ? '–' : percentFormat.format(v));
const count = n => numberFormat.format(n);

function armsTable(arms) {
  const heads = ['arm', 'assigned', 'observed', 'notYet', 'cured', 'rolled', 'collected', 'promisesKept', 'rightParty', 'contacts'];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'versions', test: 'report-arms' },
    h('thead', {}, h('tr', {}, ...heads.map(k => h('th', {}, t(`report.col.${k}`))))),
    h('tbody', {}, ...arms.map(a => h('tr', { test: 'report-arm', data: { arm: a.arm } },
      h('td', {}, a.arm),
      h('td', { class: 'num' }, count(a.assigned)),
      h('td', { class: 'num' }, count(a.observed)),
      h('td', { class: 'num' }, count(a.notYetObservable)),
      h('td', { class: 'num nowrap' }, `${count(a.cured)} · ${rate(a.cureRate)}`),
      h('td', { class: 'num nowrap' }, `${count(a.rolledForward)} · ${rate(a.rollForwardRate)}`),
      h('td', { class: 'num' }, rate(a.collectedShare)),
      h('td', { class: 'num' }, rate(a.promiseKeptRate)),
      h('td', { class: 'num' }, rate(a.rightPartyContactRate)),
      h('td', { class: 'num' }, a.contactsPerCase == null ? '–' : numberFormat.format(a.contactsPerCase)))))));
}

/**
 * Each arm's cure and roll-forward rates with their 95 % Wilson intervals: the interval the service builds each
 * difference's Newcombe interval from, worked out here from the counts the report gives.
 */
function ratesChart(arms) {
  const measured = arms.filter(a => a.observed > 0);
  const series = [{ css: 'bar-cure', label: t('report.chart.cured') }, { css: 'bar-roll', label: t('report.chart.rolled') }];
  return intervalBars(t('report.chart.title'), measured.map(a => ({
    key: a.arm,
    values: [wilson(a.cured, a.observed), wilson(a.rolledForward, a.observed)],
  })), series);
}

function wilson(k, n) {
  const p = k / n;
  const d = 1 + (Z95 * Z95) / n;
  const centre = (p + (Z95 * Z95) / (2 * n)) / d;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n))) / d;
  const lower = Math.max(0, centre - half);
  const upper = Math.min(1, centre + half);
  return { value: p, lower, upper, label: t('report.rateInterval', { rate: rate(p), lower: rate(lower), upper: rate(upper) }) };
}

/** A difference in percentage points for rates and shares, in contacts for contacts per case. */
function difference(measure, v, signed = false) {
  if (v == null) return '–';
  if (measure === 'CONTACTS_PER_CASE') return (signed && v > 0 ? '+' : '') + numberFormat.format(v);
  const points = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' })
    .format(v * 100);
  return t('report.points', { n: points });
}

function challenger(c) {
  const cure = c.differences.find(d => d.measure === 'CURE_RATE');
  return h('section', { test: 'report-challenger', data: { arm: c.arm } },
    h('p', { class: `verdict${cure?.significant ? ' verdict-significant' : ''}`, test: 'report-verdict' },
      c.verdict[lang] ?? c.verdict.en),
    h('div', { class: 'table-wrap' }, h('table', { class: 'versions', test: 'report-differences' },
      h('thead', {}, h('tr', {}, ...['measure', 'champion', 'challenger', 'difference', 'interval', 'significant']
        .map(k => h('th', {}, t(`report.col.${k}`, { arm: c.arm }))))),
      h('tbody', {}, ...c.differences.map(d => {
        const value = v => (d.measure === 'CONTACTS_PER_CASE' ? (v == null ? '–' : numberFormat.format(v)) : rate(v));
        return h('tr', { test: 'report-difference', data: { measure: d.measure, significant: d.significant } },
          h('td', {}, t(`report.measure.${d.measure}`)),
          h('td', { class: 'num' }, value(d.champion)),
          h('td', { class: 'num' }, value(d.challenger)),
          h('td', { class: 'num' }, difference(d.measure, d.difference, true)),
          h('td', { class: 'num' }, d.lower == null ? '–'
            : t('report.interval', { lower: difference(d.measure, d.lower), upper: difference(d.measure, d.upper) })),
          h('td', {}, d.difference == null ? '–' : d.significant ? t('report.yes') : t('report.no')));
      })))));
}

export function wireExperiments() {
  $('experiment-propose').addEventListener('click', propose);
  $('experiments-refresh').addEventListener('click', refreshExperiments);
  $('report-show').addEventListener('click', showReport);
  $('report-window').addEventListener('change', showReport);
}
