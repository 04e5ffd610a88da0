// Uploading tables as a new draft, and a corrected file into the selected draft.
import { api, explain } from './api.js';
import { renderDetails } from './details.js';
import { $, h, message } from './dom.js';
import { t, tn } from './i18n.js';
import { renderPermissions } from './permissions.js';
import { state } from './state.js';
import { loadVersions } from './versions.js';

function chosen(files, target) {
  target.replaceChildren(...(files.length ? files.map(f => h('span', { class: 'chip' }, f.name)) : [t('upload.none')]));
}

function tablesOnly(files) {
  return [...files].filter(f => /\.drl\.(xlsx|csv)$/i.test(f.name) || /\.(xlsx|csv)$/i.test(f.name));
}

async function upload() {
  const result = $('upload-result');
  const form = new FormData();
  state.uploadFiles.forEach(f => form.append('files', f, f.name));
  const note = $('upload-note').value.trim();
  if (note) form.append('note', note);
  $('upload-submit').disabled = true;
  message(result, 'info', t('upload.working'));
  try {
    const view = await api('rulesets/drafts', { method: 'POST', form });
    const d = view.draft;
    const text = d.status === 'VALIDATED'
      ? t('upload.passed', { id: d.id, warnings: d.warnings ? ` (${tn('count.warnings', d.warnings)})` : '' })
      : tn('upload.errors', d.errors, { id: d.id });
    message(result, d.status === 'VALIDATED' ? 'ok' : 'warn', text);
    state.uploadFiles = [];
    $('upload-files').value = '';
    $('upload-note').value = '';
    chosen([], $('upload-chosen'));
    renderDetails(view);
    await loadVersions();
  } catch (e) {
    message(result, 'error', explain(e));
  } finally {
    renderPermissions();
  }
}

async function revise() {
  const result = $('revise-result');
  const id = state.view.draft.id;
  const form = new FormData();
  state.reviseFiles.forEach(f => form.append('files', f, f.name));
  const note = $('revise-note').value.trim();
  if (note) form.append('note', note);
  $('revise-submit').disabled = true;
  message(result, 'info', t('upload.working'));
  try {
    const view = await api(`rulesets/drafts/${id}/files`, { method: 'POST', form });
    state.reviseFiles = [];
    $('upload-result').replaceChildren();
    $('revise-files').value = '';
    $('revise-note').value = '';
    renderDetails(view);
    const d = view.draft;
    message($('revise-result'), d.status === 'VALIDATED' ? 'ok' : 'warn', d.status === 'VALIDATED'
      ? t('revise.passed', { id: d.id })
      : tn('revise.errors', d.errors, { id: d.id }));
    await loadVersions();
  } catch (e) {
    message(result, 'error', explain(e));
  } finally {
    renderPermissions();
  }
}

export function wireUpload() {
  const input = $('upload-files');
  const zone = $('dropzone');
  input.addEventListener('change', () => {
    state.uploadFiles = tablesOnly(input.files);
    chosen(state.uploadFiles, $('upload-chosen'));
    if (input.files.length && !state.uploadFiles.length) message($('upload-result'), 'error', t('upload.tablesOnly'));
    else $('upload-result').replaceChildren();
    renderPermissions();
  });
  for (const type of ['dragenter', 'dragover']) zone.addEventListener(type, () => zone.classList.add('dragging'));
  for (const type of ['dragleave', 'drop']) zone.addEventListener(type, () => zone.classList.remove('dragging'));
  $('upload-submit').addEventListener('click', upload);

  $('revise-files').addEventListener('change', () => {
    state.reviseFiles = tablesOnly($('revise-files').files);
    renderPermissions();
  });
  $('revise-submit').addEventListener('click', revise);
}
