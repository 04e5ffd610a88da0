// Running the golden corpus against a version: how many cases still give the expected decision, and each that does
// not.
import { api, explain } from './api.js';
import { $, h, message, numberFormat } from './dom.js';
import { t } from './i18n.js';
import { renderPermissions } from './permissions.js';
import { state } from './state.js';

async function runRegression() {
  const d = state.view.draft;
  const target = $('regression-result');
  message(target, 'info', t('regression.running'));
  $('regression-run').disabled = true;
  try {
    const r = await api('rulesets/regressions', { method: 'POST', json: { candidate: d.version } });
    const ok = r.failed === 0;
    const head = h('div', { class: `msg ${ok ? 'msg-ok' : 'msg-warn'}`, test: 'regression-summary', data: { passed: r.passed, failed: r.failed } },
      ok ? `✓ ${t('regression.allPass', { total: numberFormat.format(r.total) })}`
        : t('regression.failed', { failed: numberFormat.format(r.failed), total: numberFormat.format(r.total) })
          + (r.failures.length > r.failed ? t('regression.differences', { n: numberFormat.format(r.failures.length) }) : t('stop')));
    const listed = r.failures.slice(0, 200);
    const table = r.failures.length ? h('table', { class: 'failures', test: 'regression-failures' },
      h('colgroup', {}, h('col', { style: 'width: 28%' }), h('col', { style: 'width: 22%' }), h('col', { style: 'width: 25%' }), h('col', { style: 'width: 25%' })),
      h('thead', {}, h('tr', {}, h('th', {}, t('regression.case')), h('th', {}, t('regression.what')), h('th', {}, t('regression.expected')), h('th', {}, t('regression.actual')))),
      h('tbody', {}, ...listed.map(f => h('tr', {},
        h('td', {}, f.name, f.source !== 'corpus' ? h('div', { class: 'muted' }, f.row ? t('place.row', { file: f.source, row: f.row }) : f.source) : null),
        h('td', {}, f.error ? t('regression.noDecision') : h('code', {}, f.pointer)),
        h('td', {}, f.error ? '' : value(f.expected)),
        h('td', { class: 'actual' }, f.error ? f.error : difference(f)))))) : null;
    const more = r.failures.length > listed.length ? h('p', { class: 'muted' }, t('regression.more', { n: numberFormat.format(r.failures.length - listed.length) })) : null;
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
    h('details', {}, h('summary', {}, t('regression.all', { n: f.actual.length })), h('code', {}, f.actual.join(', '))));
}

function value(v) {
  if (v === null || v === undefined) return h('span', { class: 'muted' }, t('regression.none'));
  return typeof v === 'object' ? h('code', {}, JSON.stringify(v)) : String(v);
}

export function wireRegression() {
  $('regression-run').addEventListener('click', runRegression);
}
