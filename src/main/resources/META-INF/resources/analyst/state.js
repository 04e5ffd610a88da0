// What the page holds between calls (who is signed in, the versions, the one selected), and how it names the
// statuses a version goes through.
import { h, words } from './dom.js';
import { t } from './i18n.js';

export const STATUS = {
  DRAFT: { label: t('status.DRAFT'), css: 'badge-draft', explain: t('status.DRAFT.explain') },
  VALIDATED: { label: t('status.VALIDATED'), css: 'badge-validated', explain: t('status.VALIDATED.explain') },
  APPROVED: { label: t('status.APPROVED'), css: 'badge-approved', explain: t('status.APPROVED.explain') },
  ACTIVE: { label: t('status.ACTIVE'), css: 'badge-active', explain: t('status.ACTIVE.explain') },
  RETIRED: { label: t('status.RETIRED'), css: 'badge-retired', explain: t('status.RETIRED.explain') },
  REJECTED: { label: t('status.REJECTED'), css: 'badge-rejected', explain: t('status.REJECTED.explain') },
};

/** A status as the lists write it (in force, retired, …). */
export function statusLabel(status) {
  return STATUS[status]?.label ?? words(status);
}

export const OPEN = new Set(['DRAFT', 'VALIDATED', 'APPROVED']);
export const TRIABLE = new Set(['VALIDATED', 'APPROVED', 'ACTIVE', 'RETIRED']);

export const state = {
  csrf: null,          // the session's CSRF token, sent on every call that changes something
  user: null,          // {name, roles: Set, expires: Date|null}
  versions: [],
  active: null,        // GET /rulesets/active
  selectedId: null,
  view: null,          // the selected draft's full view
  uploadFiles: [],
  reviseFiles: [],
  poll: null,          // {id, timer}
  decision: null,      // the last decision shown, and its case
};

export function badge(status) {
  const s = STATUS[status] ?? { label: words(status), css: '' };
  return h('span', { class: `badge ${s.css}`, title: status, data: { status } }, s.label);
}
