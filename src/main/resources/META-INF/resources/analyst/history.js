// The files a version holds, each table to download as Excel or CSV, and the steps the version went through.
import { api, explain } from './api.js';
import { $, h, baseName, message, saveResponse, when } from './dom.js';
import { badge } from './state.js';

export function renderFiles(files, version) {
  const target = $('files');
  if (!files.length) {
    target.replaceChildren(h('p', { class: 'muted' }, 'No files kept.'));
    return;
  }
  const tables = files.filter(f => /\.drl\.(xlsx|csv)$/.test(f.path));
  const others = files.filter(f => !/\.drl\.(xlsx|csv)$/.test(f.path));
  const list = h('ul', { class: 'files' }, ...tables.map(f => h('li', { class: f.uploaded ? 'uploaded' : '' },
    h('span', { class: 'file-name' }, baseName(f.path)),
    f.uploaded ? h('span', { class: 'tag' }, 'uploaded') : null,
    h('span', { class: 'file-links' },
      h('button', { type: 'button', class: 'link', title: 'Download this table as an Excel workbook',
        onclick: () => downloadTable(version, f.path, 'xlsx') }, 'Excel'),
      h('button', { type: 'button', class: 'link', title: 'Download this table as CSV',
        onclick: () => downloadTable(version, f.path, 'csv') }, 'CSV')))));
  const rest = others.length ? h('p', { class: 'muted' }, `And ${others.length} rule file${others.length > 1 ? 's' : ''} kept by the developers.`) : null;
  const status = h('div', { id: 'files-status' });
  target.replaceChildren(list, rest ?? '', status);
}

async function downloadTable(version, path, format) {
  const status = $('files-status');
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
    target.replaceChildren(h('li', { class: 'muted' }, 'No steps recorded.'));
    return;
  }
  target.replaceChildren(...events.map(e => h('li', { test: 'history-event', data: { to: e.to } },
    h('span', { class: 'when' }, when(e.at)),
    h('span', { class: 'what' }, !e.from ? 'created as ' : e.from === e.to ? 'revised, still ' : [badge(e.from), ' → '], badge(e.to)),
    h('span', { class: 'who' }, e.actor === 'validation' ? 'by the automatic checks' : `by ${e.actor}`),
    e.note ? h('span', { class: 'event-note' }, e.note) : null)));
}
