// What the page holds between calls (who is signed in, the versions, the one selected), and how it names the
// statuses a version goes through.
import { h, words } from './dom.js';

export const STATUS = {
  DRAFT: { label: 'Needs fixes', css: 'badge-draft',
    explain: 'The checks found errors. Fix the cells listed below in your table and upload the corrected file.' },
  VALIDATED: { label: 'Checked', css: 'badge-validated',
    explain: 'Passed every check. Try it on the portfolio, then a second person approves it.' },
  APPROVED: { label: 'Approved', css: 'badge-approved',
    explain: 'Approved by a second person. An approver can now put it in force.' },
  ACTIVE: { label: 'In force', css: 'badge-active', explain: 'This version decides every case now.' },
  RETIRED: { label: 'Retired', css: 'badge-retired',
    explain: 'Served before and was replaced. An approver can roll back to it in one step.' },
  REJECTED: { label: 'Rejected', css: 'badge-rejected',
    explain: 'Rejected or withdrawn: it goes no further. Upload the tables again to start over.' },
};

export const OPEN = new Set(['DRAFT', 'VALIDATED', 'APPROVED']);
export const TRIABLE = new Set(['VALIDATED', 'APPROVED', 'ACTIVE', 'RETIRED']);

export const state = {
  token: null,
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
