// Taking the selected version further: approve, reject, put in force, or roll back to it.
import { api, explain } from './api.js';
import { renderDetails } from './details.js';
import { $, message, shortVersion } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';
import { loadActive, loadVersions } from './versions.js';

async function step(kind) {
  const d = state.view.draft;
  const note = $('action-note').value.trim();
  const body = note ? { note } : {};
  const target = $('action-message');
  const path = kind === 'rollback' ? `rulesets/${encodeURIComponent(d.version)}/activate` : `rulesets/drafts/${d.id}/${kind}`;
  message(target, 'info', t('working'));
  try {
    const view = await api(path, { method: 'POST', json: body });
    $('action-note').value = '';
    const done = {
      approve: t('actions.done.approve', { id: view.draft.id }),
      reject: t('actions.done.reject', { id: view.draft.id }),
      activate: t('actions.done.activate', { id: view.draft.id }),
      rollback: t('actions.done.rollback', { id: view.draft.id, version: shortVersion(view.draft.version) }),
    }[kind];
    await Promise.all([loadActive(), loadVersions()]);
    renderDetails(view);
    message($('action-message'), 'ok', done);
  } catch (e) {
    message(target, 'error', explain(e));
  }
}

export function wireApproval() {
  for (const kind of ['approve', 'reject', 'activate', 'rollback']) $(kind).addEventListener('click', () => step(kind));
}
