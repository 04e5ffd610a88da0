// Trying a case: a version of the user's choice decides the case in the text box, and the page shows the decision
// with the rule and table row behind each conclusion.
import { api, explain } from './api.js';
import { $, h, baseName, day, message, money, shortVersion, when, words } from './dom.js';
import { can } from './permissions.js';
import { state } from './state.js';

/** docs/examples/case-m2.json, as the service serves it: the README's example case, the one tried by default. */
const EXAMPLE = new URL('../examples/case-m2.json', location.href);

/** The versions a case can be tried on: those that compile (validated drafts, approved, active, retired). */
export function fillDecideWith() {
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
    // The page shows every reason worded and counts the rules fired: the full trace (a trial decision always is).
    const path = can.tryVersion() && version ? `rulesets/${version}/decisions` : 'decisions?trace=full';
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

export function renderDecidedBy() {
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
    message($('decision'), 'error', `The example case cannot be loaded (${e.message}); paste a case instead.`);
  }
  $('case-json').value = example;
}
