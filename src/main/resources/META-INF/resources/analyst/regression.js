// Running the golden corpus against a version: how many cases still give the expected decision, and each that does
// not.
import { api, explain } from './api.js';
import { $, h, message, numberFormat } from './dom.js';
import { renderPermissions } from './permissions.js';
import { state } from './state.js';

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
        h('td', { class: 'actual' }, f.error ? f.error : difference(f)))))) : null;
    const more = r.failures.length > listed.length ? h('p', { class: 'muted' }, `… and ${r.failures.length - listed.length} more.`) : null;
    target.replaceChildren(head, table ?? '', more ?? '');
  } catch (e) {
    message(target, 'error', explain(e));
  } finally {
    renderPermissions();
  }
}

/** What came out; for lists (reason codes), the service's words on what differs, the whole list folded away. */
function difference(f) {
  if (f.actual === null || f.actual === undefined) return f.message ?? value(f.actual);
  if (!Array.isArray(f.actual)) return value(f.actual);
  return h('div', {}, h('code', {}, f.message ?? ''),
    h('details', {}, h('summary', {}, `all ${f.actual.length}`), h('code', {}, f.actual.join(', '))));
}

function value(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, '(none)');
  return typeof v === 'object' ? h('code', {}, JSON.stringify(v)) : String(v);
}

export function wireRegression() {
  $('regression-run').addEventListener('click', runRegression);
}
