// Calling the service's /api/v1 with the user's token, and its problems in plain words.
import { rolesText } from './permissions.js';
import { askForToken, forgetToken } from './session.js';
import { state } from './state.js';

const API = new URL('../api/v1/', location.href);

class ApiError extends Error {
  constructor(status, problem, text) {
    super(problem?.detail ?? problem?.title ?? text ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export async function api(path, { method = 'GET', json, form, accept = 'application/json', raw = false } = {}) {
  if (!state.token) {
    askForToken();
    throw new ApiError(401, { title: 'Not signed in' });
  }
  const headers = { Authorization: `Bearer ${state.token}`, Accept: accept };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(new URL(path, API), { method, headers, body });
  } catch (e) {
    throw new ApiError(0, { title: 'The service cannot be reached', detail: 'The service cannot be reached. Check your connection and try again.' });
  }
  if (response.status === 401) {
    forgetToken();
    askForToken('Your token was not accepted (it may have expired). Paste a new one to go on.');
    throw new ApiError(401, { title: 'Token not accepted', detail: 'Your token was not accepted. Paste a new one.' });
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') ?? '';
    let problem = null;
    let text = null;
    try {
      if (type.includes('json')) problem = await response.json();
      else text = await response.text();
    } catch { /* no body */ }
    throw new ApiError(response.status, problem, text);
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  return type.includes('json') ? response.json() : response.text();
}

/** An error in plain words for the page. */
export function explain(error) {
  if (!(error instanceof ApiError)) return error.message ?? String(error);
  const p = error.problem;
  if ((p.type ?? '').endsWith('/four-eyes')) {
    return 'Four-eyes rule: a draft must be approved by someone who did not upload or revise it. '
      + 'Ask another approver to approve it.';
  }
  if (error.status === 403) {
    return `Your roles (${rolesText()}) do not allow this step.`;
  }
  if (Array.isArray(p.errors) && p.errors.length) {
    return `${p.title ?? 'The request was refused'}: ` + p.errors.map(e => `${e.field}: ${e.message}`).join('; ');
  }
  if (error.status === 409) return `Not possible now: ${p.detail ?? p.title}`;
  if (error.status === 413) return 'The file is too large for the service.';
  if (error.status >= 500) return `The service could not do this (error ${error.status}). ${p.detail ?? ''}`.trim();
  return p.detail ?? p.title ?? error.message;
}
