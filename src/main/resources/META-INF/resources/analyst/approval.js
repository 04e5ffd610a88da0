// Taking the selected version further: approve, reject, put in force, or roll back to it.
import { api, explain } from './api.js';
import { renderDetails } from './details.js';
import { $, message, shortVersion } from './dom.js';
import { state } from './state.js';
import { loadActive, loadVersions } from './versions.js';

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

export function wireApproval() {
  for (const kind of ['approve', 'reject', 'activate', 'rollback']) $(kind).addEventListener('click', () => step(kind));
}
