// Trying a case: a version of the user's choice decides the case in the text box, and the page shows the decision
// with the rule and table row behind each conclusion.
import { api, explain } from './api.js';
import { $, h, baseName, day, message, money, shortVersion, when, words } from './dom.js';
import { lang, numberFormat, percentFormat, t, tn } from './i18n.js';
import { can } from './permissions.js';
import { state, statusLabel } from './state.js';

/** docs/examples/case-m2.json, as the service serves it: the README's example case, the one tried by default. */
const EXAMPLE = new URL('../examples/case-m2.json', location.href);

/** The versions a case can be tried on: those that compile (validated drafts, approved, active, retired). */
export function fillDecideWith() {
  const select = $('decide-with');
  const chosen = select.value;
  const usable = state.versions.filter(v => !['DRAFT', 'REJECTED'].includes(v.status) && v.status !== 'ACTIVE');
  select.replaceChildren(h('option', { value: '' }, t('version.inForce')),
    ...usable.map(v => h('option', { value: v.version },
      `#${v.id} ${shortVersion(v.version)} (${statusLabel(v.status)}${v.author ? t('list.sep') + v.author : ''})`)));
  if (usable.some(v => v.version === chosen)) select.value = chosen;
  select.disabled = !can.tryVersion();
}

async function decide() {
  const target = $('decision');
  let body;
  try {
    body = JSON.parse($('case-json').value);
  } catch (e) {
    message(target, 'error', t('decide.badJson', { error: e.message }));
    return;
  }
  message(target, 'info', t('decide.deciding'));
  try {
    const version = $('decide-with').value || state.active?.version;
    // The page shows every reason worded and counts the rules fired: the full trace (a trial decision always is).
    const path = can.tryVersion() && version ? `rulesets/${version}/decisions` : `decisions?trace=full&lang=${lang}`;
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
  if (where.startsWith('L')) return t('place.line', { file: name, line: where.slice(1) });
  const bang = where.indexOf('!');
  return bang >= 0 ? t('place.sheetRow', { file: name, sheet: where.slice(0, bang), row: where.slice(bang + 1) })
    : t('place.row', { file: name, row: where });
}

/** The scripts' titles of each version, in the page's language, once asked for. */
const scripts = new Map();

/** The collector's script: its id, and its title in the page's language once the service has given it. */
function script(id) {
  if (!id) return null;
  return h('span', { test: 'decision-script', data: { script: id } }, id);
}

async function titleScripts(version) {
  const target = document.querySelector('[data-test=decision-script]');
  // the roles that read a version's scripts; a servicer sees the script's id only
  if (!target || !version || !can.read()) return;
  try {
    if (!scripts.has(version)) {
      const answer = await api(`rulesets/${encodeURIComponent(version)}/scripts?lang=${lang}`);
      scripts.set(version, new Map((answer.scripts ?? []).map(x => [x.id, x])));
    }
    const found = scripts.get(version).get(target.dataset.script);
    if (found) target.replaceChildren(found.title, ' ', h('span', { class: 'muted code', title: found.purpose ?? '' }, found.id));
  } catch {
    // the id alone still names the script
  }
}

function renderDecision(d, request) {
  state.decision = { d, request };
  const currency = request?.loan?.currency ?? 'CNY';
  const fact = (label, v, test) => h('div', { class: 'fact', test }, h('dt', {}, label), h('dd', {}, v ?? '–'));
  const na = d.nextAction ?? {};
  const headline = h('div', { class: 'headline', test: 'decision-next-action', data: { action: na.type ?? '' } },
    h('div', { class: 'headline-label' }, t('decision.nextAction')),
    h('div', { class: 'headline-value' }, words(na.type)),
    h('div', { class: 'headline-sub' }, na.priority ? t('decision.priority', { priority: na.priority }) : '',
      na.notBefore ? ` · ${t('decision.notBefore', { when: when(na.notBefore) })}` : ''));
  const o = d.overdue ?? {};
  const r = d.risk ?? {};
  const c = d.contact ?? {};
  const l = d.legal ?? {};
  const p = d.repaymentPlan;
  const facts = h('dl', { class: 'facts' },
    fact(t('decision.daysPastDue'), o.daysPastDue != null ? numberFormat.format(o.daysPastDue) : null),
    fact(t('decision.bucket'), o.bucket, 'decision-bucket'),
    fact(t('decision.classification'), words(o.classification), 'decision-classification'),
    fact(t('decision.penaltyInterest'), money(o.penaltyInterest, currency)),
    fact(t('decision.rating'), words(r.rating), 'decision-rating'),
    fact(t('decision.score'), r.score != null ? numberFormat.format(r.score) : null),
    fact(t('decision.ltv'), r.loanToValue != null ? percentFormat.format(r.loanToValue) : null),
    fact(t('decision.expectedLoss'), money(r.expectedLoss, currency)),
    fact(t('decision.contactBy'), words(c.channel), 'decision-contact'),
    fact(t('decision.script'), script(c.scriptId)),
    fact(t('decision.nextContact'), c.earliestNextContact ? when(c.earliestNextContact) : null),
    fact(t('decision.attemptsLeft'), [c.attemptsLeftToday != null ? t('decision.today', { n: c.attemptsLeftToday }) : null,
      c.attemptsLeftThisWeek != null ? t('decision.thisWeek', { n: c.attemptsLeftThisWeek }) : null].filter(Boolean).join(t('list.sep')) || null),
    fact(t('decision.legal'), words(l.stage)),
    fact(t('decision.limitation'), l.limitationExpiresOn ? day(l.limitationExpiresOn) : null),
    fact(t('decision.plan'), p ? (p.eligible ? [...new Set((p.options ?? []).map(x => words(x.type)))].join(t('list.sep')) || t('decision.eligible')
      : t('decision.notOffered')) : null));
  const reasons = h('table', { class: 'reasons', test: 'decision-reasons' },
    h('thead', {}, h('tr', {}, h('th', {}, t('reasons.area')), h('th', {}, t('reasons.why')), h('th', {}, t('reasons.rule')), h('th', {}, t('reasons.where')))),
    h('tbody', {}, ...(d.reasons ?? []).map(x => h('tr', { test: 'decision-reason', data: { code: x.code ?? '' } },
      h('td', {}, h('span', { class: 'area' }, words(x.area))),
      h('td', {}, x.message ?? '', h('div', { class: 'muted code' }, x.code ?? '')),
      h('td', {}, x.rule ?? ''),
      h('td', { class: 'source' }, source(x.source))))));
  const version = h('p', { class: 'decided-by', test: 'decision-version', data: { version: d.rulesetVersion ?? '' } });
  $('decision').replaceChildren(headline, facts, h('h4', {}, t('reasons.title')), reasons, version);
  renderDecidedBy();
  titleScripts(d.rulesetVersion);
}

export function renderDecidedBy() {
  const target = document.querySelector('[data-test=decision-version]');
  if (!target || !state.decision) return;
  const d = state.decision.d;
  const draft = state.versions.find(v => v.version === d.rulesetVersion);
  const inForce = state.active && state.active.version === d.rulesetVersion;
  target.replaceChildren(t('decision.decidedBy'), ' ', h('code', {}, shortVersion(d.rulesetVersion)),
    draft ? ` (#${draft.id})` : '',
    inForce ? t('list.sep') + t('decision.inForce') : state.active ? t('list.sep') + t('decision.noLongerInForce') : '',
    d.asOf ? t('list.sep') + t('decision.asOf', { when: when(d.asOf) }) : '',
    ' · ', tn('decision.rulesFired', (d.rulesFired ?? []).length));
}

/** Wires the panel and fills in the example case once it has come. */
export async function wireDecide() {
  $('decide').addEventListener('click', decide);
  let example = '';
  $('case-reset').addEventListener('click', () => { $('case-json').value = example; });
  try {
    const response = await fetch(EXAMPLE);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    example = await response.text();
  } catch (e) {
    message($('decision'), 'error', t('decide.noExample', { error: e.message }));
  }
  $('case-json').value = example;
}
