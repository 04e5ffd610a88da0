// The version in force and the list of versions; choosing one shows it in detail.
import { api, explain } from './api.js';
import { fillDecideWith, renderDecidedBy } from './decide.js';
import { renderDetails } from './details.js';
import { $, h, notice, shortVersion, shortWhen, show, when } from './dom.js';
import { t, tn } from './i18n.js';
import { can, renderPermissions, rolesText } from './permissions.js';
import { stopPolling } from './simulation.js';
import { OPEN, badge, state } from './state.js';
import { renderShipped } from './shipped.js';

export async function refreshAll() {
  renderPermissions();
  if (!state.user) return;
  if (!can.read()) {
    // a collector, say: no versions to show, but the decision explorer works
    stopPolling(true);
    state.view = null;
    state.selectedId = null;
    show($('details'), false);
    show($('details-empty'), true);
    $('details-empty').replaceChildren(h('p', {}, t('versions.cannotReadTry', { roles: rolesText() })));
  }
  await Promise.all([loadActive(), loadVersions()]);
  if (state.selectedId != null) await select(state.selectedId, { quiet: true });
}

export async function loadActive() {
  try {
    state.active = await api('rulesets/active');
  } catch (e) {
    state.active = null;
    if (e.status !== 401) notice('error', t('active.unreadable', { error: explain(e) }));
  }
  renderActive();
}

function renderActive() {
  const banner = $('active-banner');
  renderShipped(state.active);
  if (!state.active) {
    show(banner, false);
    return;
  }
  const a = state.active;
  const draft = state.versions.find(v => v.status === 'ACTIVE' && v.version === a.version);
  banner.dataset.version = a.version;
  renderDecidedBy();
  $('active-text').replaceChildren(
    `${t('active.version')} `, h('code', { test: 'active-version-id' }, shortVersion(a.version)),
    draft ? t('active.draft', { id: draft.id, who: draft.author }) : '',
    t('active.since', { when: when(a.loadedAt) }),
    a.ruleCount ? ` · ${tn('active.rules', a.ruleCount)}` : '');
  show(banner, true);
}

export async function loadVersions() {
  const body = $('versions-body');
  if (!can.read()) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'empty' },
      t('versions.cannotRead', { roles: rolesText() }))));
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
    body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'empty' }, t('versions.none'))));
    return;
  }
  body.replaceChildren(...rows.map(v => {
    const findings = [];
    if (v.errors) findings.push(h('span', { class: 'count count-error' }, tn('count.errors', v.errors)));
    if (v.warnings) findings.push(h('span', { class: 'count count-warning' }, tn('count.warnings', v.warnings)));
    if (!findings.length) findings.push(h('span', { class: 'muted' }, t('versions.noFindings')));
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
    if (!quiet) notice('error', t('versions.unreadable', { id, error: explain(e) }));
  }
  if (!quiet) $('details-card').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

export function wireVersions() {
  $('versions-filter').addEventListener('change', renderVersions);
  $('versions-refresh').addEventListener('click', refreshAll);
}
