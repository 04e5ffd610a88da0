// The selected version in detail: where it stands, and each part of the card filled from its view.
import { $, h, shortVersion, show, when } from './dom.js';
import { t } from './i18n.js';
import { renderChanges, renderFindings } from './findings.js';
import { renderFiles, renderHistory } from './history.js';
import { renderPermissions } from './permissions.js';
import { renderBaselines } from './simulation.js';
import { STATUS, state } from './state.js';

export function renderDetails(view) {
  state.view = view;
  state.selectedId = view.draft.id;
  const d = view.draft;
  show($('details-empty'), false);
  show($('details'), true);
  const served = d.status === 'ACTIVE' || d.status === 'RETIRED';
  $('details-title').textContent = served ? t('details.versionNo', { id: d.id }) : t('details.draftNo', { id: d.id });
  $('details').dataset.id = d.id;
  $('details').dataset.status = d.status;
  $('details').dataset.version = d.version;
  const by = { who: d.author ?? t('details.unknown'), when: when(d.createdAt) };
  $('details-meta').replaceChildren(
    d.origin === 'FOLDERS' ? t('details.fromFolders', by) : t('details.uploaded', by),
    d.updatedAt && d.updatedAt !== d.createdAt ? ` · ${t('details.lastChange', { when: when(d.updatedAt) })}` : '',
    ` · ${t('details.version')} `, h('code', {}, shortVersion(d.version)),
    d.baseVersion ? h('span', {}, ` · ${t('details.basedOn')} `, h('code', {}, shortVersion(d.baseVersion))) : '',
    d.approvedBy ? ` · ${t('details.approvedBy', { who: d.approvedBy, when: when(d.approvedAt) })}` : '');
  const status = $('details-status');
  const s = STATUS[d.status] ?? { label: d.status, css: '' };
  status.className = `badge badge-large ${s.css}`;
  status.textContent = s.label;
  status.dataset.status = d.status;
  $('details-explain').textContent = s.explain ?? '';
  const note = $('details-note');
  note.textContent = d.note ? t('quote', { text: d.note }) : '';
  show(note, !!d.note);
  renderSteps(d);
  renderFindings(view.findings ?? []);
  renderChanges(view.changes ?? [], d.baseVersion);
  renderFiles(view.files ?? [], d.version);
  renderHistory(view.events ?? []);
  renderBaselines();
  renderPermissions();
  $('revise-result').replaceChildren();
}

function renderSteps(d) {
  const order = ['DRAFT', 'VALIDATED', 'APPROVED', 'ACTIVE'];
  const reached = d.status === 'RETIRED' ? 4 : d.status === 'REJECTED' ? -1 : order.indexOf(d.status);
  const labels = [t('steps.uploaded'), d.status === 'DRAFT' ? t('steps.errors') : t('steps.checked'), t('steps.approved'), t('steps.inForce')];
  const steps = labels.map((label, i) => h('li', {
    class: d.status === 'DRAFT' && i === 1 ? 'failed'
      : i < reached || (i === reached && d.status !== 'DRAFT') || (i === 0 && reached >= 0) ? 'done'
        : i === reached + 1 ? 'next' : '',
  }, label));
  const list = h('ol', { class: 'stepper' }, ...steps);
  if (d.status === 'REJECTED') list.append(h('li', { class: 'stopped' }, t('status.REJECTED')));
  if (d.status === 'RETIRED') list.append(h('li', { class: 'stopped' }, t('status.RETIRED')));
  $('steps').replaceChildren(list);
}
