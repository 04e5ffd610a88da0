// The files a version holds, each table to download as Excel or CSV, and the steps the version went through.
import { api, explain } from './api.js';
import { $, h, baseName, message, saveResponse, when } from './dom.js';
import { t, tn } from './i18n.js';
import { badge } from './state.js';

export function renderFiles(files, version) {
  const target = $('files');
  if (!files.length) {
    target.replaceChildren(h('p', { class: 'muted' }, t('files.none')));
    return;
  }
  const tables = files.filter(f => /\.drl\.(xlsx|csv)$/.test(f.path));
  const others = files.filter(f => !/\.drl\.(xlsx|csv)$/.test(f.path));
  const list = h('ul', { class: 'files' }, ...tables.map(f => h('li', { class: f.uploaded ? 'uploaded' : '' },
    h('span', { class: 'file-name' }, baseName(f.path)),
    f.uploaded ? h('span', { class: 'tag' }, t('files.uploaded')) : null,
    h('span', { class: 'file-links' },
      h('button', { type: 'button', class: 'link', title: t('files.excel.title'),
        onclick: () => downloadTable(version, f.path, 'xlsx') }, t('files.excel')),
      h('button', { type: 'button', class: 'link', title: t('files.csv.title'),
        onclick: () => downloadTable(version, f.path, 'csv') }, t('files.csv'))))));
  const rest = others.length ? h('p', { class: 'muted' }, tn('files.rules', others.length)) : null;
  const status = h('div', { id: 'files-status' });
  target.replaceChildren(list, rest ?? '', status);
}

export async function downloadTable(version, path, format, statusId = 'files-status') {
  const status = $(statusId);
  try {
    const table = baseName(path).replace(/\.drl\.(xlsx|csv)$/, '');
    const response = await api(`rulesets/${encodeURIComponent(version)}/tables/${encodeURIComponent(table)}?format=${format}`,
      { accept: '*/*', raw: true });
    const name = `${table}.drl.${format}`;
    await saveResponse(response, name);
    status.replaceChildren();
  } catch (e) {
    message(status, 'error', explain(e));
  }
}

export function renderHistory(events) {
  const target = $('history');
  if (!events.length) {
    target.replaceChildren(h('li', { class: 'muted' }, t('history.none')));
    return;
  }
  target.replaceChildren(...events.map(e => h('li', { test: 'history-event', data: { to: e.to } },
    h('span', { class: 'when' }, when(e.at)),
    h('span', { class: 'what' }, !e.from ? `${t('history.created')} ` : e.from === e.to ? `${t('history.revised')} ` : [badge(e.from), ' → '], badge(e.to)),
    h('span', { class: 'who' }, e.actor === 'validation' ? t('history.byChecks') : t('history.by', { who: e.actor })),
    e.note ? h('span', { class: 'event-note' }, e.note) : null)));
}
