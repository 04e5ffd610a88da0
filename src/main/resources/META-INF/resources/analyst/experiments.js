// Champion/challenger experiments: the list with the steps each one may take next, and a form to propose one. The
// service decides who may take a step (roles, four eyes) and answers a refusal in words, shown beside the list.
import { api, explain } from './api.js';
import { $, h, message, shortVersion, when } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';

/** The steps that fit each status; whether the caller may take one is the service's to say. */
const STEPS = {
  PROPOSED: ['approve', 'stop'],
  APPROVED: ['start', 'stop'],
  RUNNING: ['pause', 'stop'],
  PAUSED: ['resume', 'stop'],
  STOPPED: [],
};

export async function refreshExperiments() {
  const body = $('experiments-body');
  if (!state.user) return; // signed out: the table keeps asking to sign in, and no dialog opens twice
  try {
    const list = await api('experiments');
    body.replaceChildren(...(list.length ? list.map(row)
      : [h('tr', {}, h('td', { colspan: 5, class: 'empty' }, t('experiments.none')))]));
  } catch (e) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: 5, class: 'empty' }, explain(e))));
  }
}

function row(x) {
  const arms = x.arms.map(a => `${a.arm} ${a.share} %${a.version ? ` (${shortVersion(a.version)})` : ''}`).join(', ');
  const segment = [...x.segment.buckets, ...x.segment.jurisdictions, ...x.segment.riskRatings].join(', ') || t('experiments.everyCase');
  return h('tr', { test: 'experiment-row', data: { id: x.id, status: x.status } },
    h('td', {}, `${x.id}`),
    h('td', {}, x.name, h('div', { class: 'muted' }, `${x.createdBy} · ${when(x.createdAt)}`)),
    h('td', {}, t(`experiments.status.${x.status}`)),
    h('td', {}, arms, h('div', { class: 'muted' }, segment)),
    h('td', {}, ...STEPS[x.status].map(step => h('button', {
      type: 'button', class: 'btn btn-quiet', test: `experiment-${step}`,
      onclick: () => take(x.id, step),
    }, t(`experiments.step.${step}`)))));
}

async function take(id, step) {
  const target = $('experiments-message');
  try {
    await api(`experiments/${id}/${step}`, { method: 'POST', json: {} });
    message(target, 'ok', t('experiments.done', { id, step: t(`experiments.step.${step}`) }));
  } catch (e) {
    message(target, 'error', explain(e));
  }
  refreshExperiments();
}

async function propose() {
  const target = $('experiments-message');
  const share = Number($('experiment-share').value);
  const buckets = $('experiment-buckets').value.split(',').map(b => b.trim()).filter(b => b);
  try {
    const x = await api('experiments', { method: 'POST', json: {
      name: $('experiment-name').value,
      championShare: 100 - share,
      challengers: [{ arm: 'challenger', version: $('experiment-version').value.trim(), share }],
      segment: buckets.length ? { buckets } : undefined,
    } });
    message(target, 'ok', t('experiments.proposed', { id: x.id }));
  } catch (e) {
    message(target, 'error', explain(e));
  }
  refreshExperiments();
}

export function wireExperiments() {
  $('experiment-propose').addEventListener('click', propose);
  $('experiments-refresh').addEventListener('click', refreshExperiments);
}
