// Calling the service's /api/v1 with the user's session (its cookie and CSRF token), and its problems in plain words.
import { rolesText } from './permissions.js';
import { askToSignIn, forgetSession } from './session.js';
import { state } from './state.js';
import { lang, t } from './i18n.js';

const API = new URL('../api/v1/', location.href);

/** The address of an API call, for a link the browser follows with the session's cookie (a GET needs no token). */
export function apiUrl(path) {
  return new URL(path, API).href;
}

class ApiError extends Error {
  constructor(status, problem, text) {
    super(problem?.detail ?? problem?.title ?? text ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export async function api(path, { method = 'GET', json, form, accept = 'application/json', raw = false } = {}) {
  if (!state.user) {
    askToSignIn();
    throw new ApiError(401, { title: t('who.signedOut') });
  }
  // every call asks for the page's language: reasons, scripts and problems come back worded in it where the service
  // words them
  const headers = { Accept: accept, 'Accept-Language': lang };
  if (method !== 'GET' && method !== 'HEAD' && state.csrf) {
    // the proof that this call comes from the page itself, which the cookie alone is not
    headers['X-CSRF-Token'] = state.csrf;
  }
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let response;
  try {
    response = await fetch(new URL(path, API), { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { title: t('error.unreachable.title'), detail: t('error.unreachable') });
  }
  if (response.status === 401) {
    forgetSession();
    askToSignIn(t('signin.ended'));
    throw new ApiError(401, { title: t('error.sessionEnded.title'), detail: t('error.sessionEnded') });
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
    return t('error.fourEyes');
  }
  if (error.status === 403) {
    return t('error.forbidden', { roles: rolesText() });
  }
  if (Array.isArray(p.errors) && p.errors.length) {
    return t('error.fields', { title: p.title ?? t('error.refused'), fields: p.errors.map(e => `${e.field}: ${e.message}`).join('; ') });
  }
  if (error.status === 409) return t('error.conflict', { detail: p.detail ?? p.title });
  if (error.status === 413) return t('error.tooLarge');
  if (error.status >= 500) return t('error.server', { status: error.status, detail: p.detail ?? '' }).trim();
  return p.detail ?? p.title ?? error.message;
}
