// What the signed-in user may do on the page, and why not: each button is enabled or says what stands in the way.
import { $, h, show } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';

const has = (...roles) => !!state.user && roles.some(r => state.user.roles.has(r));

export const can = {
  read: () => has('analyst', 'approver', 'auditor', 'developer'),
  upload: () => has('analyst', 'developer'),
  trial: () => has('analyst', 'approver', 'developer'),
  // analysts try cases on any version, unrecorded; a servicer decides with the version in force, recorded
  decide: () => has('analyst', 'approver', 'developer', 'servicer'),
  tryVersion: () => has('analyst', 'approver', 'developer'),
};

export function rolesText() {
  return state.user && state.user.roles.size ? [...state.user.roles].sort().join(t('list.sep')) : t('roles.none');
}

function setAllowed(button, allowed, why) {
  button.disabled = !allowed;
  button.title = allowed ? '' : why;
  button.parentElement?.classList?.toggle('blocked', !allowed);
  if (button.parentElement?.classList?.contains('action')) button.parentElement.title = allowed ? '' : why;
}

export function renderPermissions() {
  // upload
  const uploadBlocked = !state.user ? t('why.signIn')
    : !can.upload() ? t('why.upload', { roles: rolesText() }) : null;
  setAllowed($('upload-submit'), !uploadBlocked && state.uploadFiles.length > 0,
    uploadBlocked ?? t('why.chooseTable'));
  $('upload-why').textContent = uploadBlocked ?? '';

  // decide
  const decideBlocked = !state.user ? t('why.signIn')
    : !can.decide() ? t('why.decide', { roles: rolesText() }) : null;
  setAllowed($('decide'), !decideBlocked, decideBlocked ?? '');
  $('decide-why').textContent = decideBlocked ?? '';

  const view = state.view;
  if (!view) return;
  const d = view.draft;
  // The steps on the draft (revise, approve, reject, activate, roll back) come from the server with the draft: the
  // same rules that enforce them decide whether they show as allowed, so the page never works out roles or the
  // four-eyes rule again.
  const steps = Object.fromEntries((view.actions ?? []).map(a => [a.name, a]));

  // revise
  const revise = steps.revise;
  show($('revise'), !!revise?.allowed);
  setAllowed($('revise-submit'), !!revise?.allowed && state.reviseFiles.length > 0, t('why.chooseCorrected'));

  // simulation and regression
  const trialBlocked = !can.trial() ? t('why.trial', { roles: rolesText() })
    : d.status === 'DRAFT' ? t('why.fixFirst')
      : d.status === 'REJECTED' ? t('why.rejected') : null;
  setAllowed($('sim-start'), !trialBlocked && !state.poll, trialBlocked ?? t('why.running'));
  setAllowed($('regression-run'), !trialBlocked, trialBlocked ?? '');
  $('trial-why').textContent = trialBlocked ?? '';

  // approve, reject, activate, roll back: a step blocked by the caller (role, four eyes) is explained in the list;
  // one the draft's status rules out only says so on its button.
  const why = [];
  for (const [id, label] of [['approve', t('actions.approve')], ['reject', t('actions.reject')], ['activate', t('actions.activate')], ['rollback', t('actions.rollbackShort')]]) {
    const step = steps[id];
    const reason = !step ? t('why.notOffered') : step.allowed ? null : step.why;
    setAllowed($(id), !reason, reason ?? '');
    if (step && !step.allowed && step.blockedBy !== 'STATUS') {
      why.push(h('li', { test: `why-${id}` }, h('strong', {}, t('label', { label })), step.why));
    }
  }
  $('actions-why').replaceChildren(...why);
}
