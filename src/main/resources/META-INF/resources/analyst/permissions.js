// What the signed-in user may do on the page, and why not: each button is enabled or says what stands in the way.
import { $, h, show } from './dom.js';
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
  return state.user && state.user.roles.size ? [...state.user.roles].sort().join(', ') : 'none';
}

function setAllowed(button, allowed, why) {
  button.disabled = !allowed;
  button.title = allowed ? '' : why;
  button.parentElement?.classList?.toggle('blocked', !allowed);
  if (button.parentElement?.classList?.contains('action')) button.parentElement.title = allowed ? '' : why;
}

export function renderPermissions() {
  // upload
  const uploadBlocked = !state.user ? 'Paste a token first.'
    : !can.upload() ? `Uploading needs the analyst role; yours: ${rolesText()}.` : null;
  setAllowed($('upload-submit'), !uploadBlocked && state.uploadFiles.length > 0,
    uploadBlocked ?? 'Choose or drop at least one table first.');
  $('upload-why').textContent = uploadBlocked ?? '';

  // decide
  const decideBlocked = !state.user ? 'Paste a token first.'
    : !can.decide() ? `Trying a case needs the analyst, approver or developer role; yours: ${rolesText()}.` : null;
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
  setAllowed($('revise-submit'), !!revise?.allowed && state.reviseFiles.length > 0, 'Choose the corrected file first.');

  // simulation and regression
  const trialBlocked = !can.trial() ? `Trying a version out needs the analyst, approver or developer role; yours: ${rolesText()}.`
    : d.status === 'DRAFT' ? 'Fix the errors first: a draft with errors cannot be tried out.'
      : d.status === 'REJECTED' ? 'This draft was rejected.' : null;
  setAllowed($('sim-start'), !trialBlocked && !state.poll, trialBlocked ?? 'A simulation is running.');
  setAllowed($('regression-run'), !trialBlocked, trialBlocked ?? '');
  $('trial-why').textContent = trialBlocked ?? '';

  // approve, reject, activate, roll back: a step blocked by the caller (role, four eyes) is explained in the list;
  // one the draft's status rules out only says so on its button.
  const why = [];
  for (const [id, label] of [['approve', 'Approve'], ['reject', 'Reject'], ['activate', 'Put in force'], ['rollback', 'Roll back']]) {
    const step = steps[id];
    const reason = !step ? 'Not offered by the service.' : step.allowed ? null : step.why;
    setAllowed($(id), !reason, reason ?? '');
    if (step && !step.allowed && step.blockedBy !== 'STATUS') {
      why.push(h('li', { test: `why-${id}` }, h('strong', {}, `${label}: `), step.why));
    }
  }
  $('actions-why').replaceChildren(...why);
}
