// What the signed-in user may do on the page, and why not: each button is enabled or says what stands in the way.
import { $, h, show } from './dom.js';
import { OPEN, STATUS, state } from './state.js';

const has = (...roles) => !!state.user && roles.some(r => state.user.roles.has(r));

export const can = {
  read: () => has('analyst', 'approver', 'auditor', 'developer'),
  upload: () => has('analyst', 'developer'),
  approve: () => has('approver'),
  activate: () => has('approver'),
  reject: () => has('approver', 'analyst', 'developer'),
  trial: () => has('analyst', 'approver', 'developer'),
  // analysts try cases on any version, unrecorded; a servicer decides with the version in force, recorded
  decide: () => has('analyst', 'approver', 'developer', 'servicer'),
  tryVersion: () => has('analyst', 'approver', 'developer'),
};

export function rolesText() {
  return state.user && state.user.roles.size ? [...state.user.roles].sort().join(', ') : 'none';
}

/** Whoever put files into the draft: the four-eyes rule keeps them from approving it. */
function authors(view) {
  const names = new Set([view.draft.author]);
  for (const e of view.events ?? []) {
    if ((e.from === null || e.from === undefined || e.to === 'DRAFT') && e.actor !== 'validation') names.add(e.actor);
  }
  return names;
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
  const open = OPEN.has(d.status);
  const me = state.user?.name;
  const isAuthor = me && authors(view).has(me);

  // revise
  show($('revise'), open && can.upload());
  setAllowed($('revise-submit'), open && can.upload() && state.reviseFiles.length > 0, 'Choose the corrected file first.');

  // simulation and regression
  const trialBlocked = !can.trial() ? `Trying a version out needs the analyst, approver or developer role; yours: ${rolesText()}.`
    : d.status === 'DRAFT' ? 'Fix the errors first: a draft with errors cannot be tried out.'
      : d.status === 'REJECTED' ? 'This draft was rejected.' : null;
  setAllowed($('sim-start'), !trialBlocked && !state.poll, trialBlocked ?? 'A simulation is running.');
  setAllowed($('regression-run'), !trialBlocked, trialBlocked ?? '');
  $('trial-why').textContent = trialBlocked ?? '';

  // approve, reject, activate, roll back
  const why = [];
  const rule = (id, label, relevant, statusWhy, roleOk, roleWhy, extraWhy) => {
    const reason = !relevant ? statusWhy : !roleOk ? roleWhy : extraWhy;
    setAllowed($(id), !reason, reason ?? '');
    if (relevant && reason) why.push(h('li', { test: `why-${id}` }, h('strong', {}, `${label}: `), reason));
  };
  rule('approve', 'Approve', d.status === 'VALIDATED',
    d.status === 'DRAFT' ? 'Only a draft that passed the checks can be approved.' : `A ${STATUS[d.status]?.label.toLowerCase() ?? d.status} version cannot be approved.`,
    can.approve(), `only an approver can approve; your roles: ${rolesText()}.`,
    isAuthor ? 'you uploaded or revised this draft, so a second person must approve it (four-eyes rule).' : null);
  rule('reject', 'Reject', open, 'Only an open draft can be rejected.',
    can.approve() || (can.reject() && isAuthor), 'only an approver or the draft\'s author can reject it.', null);
  rule('activate', 'Put in force', d.status === 'APPROVED',
    d.status === 'ACTIVE' ? 'This version is already in force.' : 'A draft must be approved before it is put in force.',
    can.activate(), `only an approver can put a version in force; your roles: ${rolesText()}.`, null);
  rule('rollback', 'Roll back', d.status === 'RETIRED',
    d.status === 'ACTIVE' ? 'This version is already in force.' : 'Only a version that was in force before can be rolled back to.',
    can.activate(), `only an approver can roll back; your roles: ${rolesText()}.`, null);
  $('actions-why').replaceChildren(...why);
}
