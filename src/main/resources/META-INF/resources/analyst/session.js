// Signing in with the name and password the operator set up. The service keeps the session in an HttpOnly cookie,
// which no script here can read; the page holds only the CSRF token it is given, and sends it back on every call that
// changes something, so a call another site makes the browser send (with the cookie, without the token) is refused.
import { $, h, dateFormat } from './dom.js';
import { lang, t } from './i18n.js';
import { renderPermissions } from './permissions.js';
import { state } from './state.js';

const SESSION = new URL('../api/v1/session', location.href);
const OPTIONS = new URL('../api/v1/session/options', location.href);

function useSession(view) {
  state.csrf = view.csrfToken ?? null;
  state.user = {
    name: view.subject,
    roles: new Set(view.roles ?? []),
    expires: view.expiresAt ? new Date(view.expiresAt) : null,
    // a session opened at the lender's identity provider ends there too when it ends here
    providerSignOut: view.providerSignOut ?? null,
  };
  renderWho();
}

export function forgetSession() {
  state.csrf = null;
  state.user = null;
  renderWho();
}

export function askToSignIn(reason) {
  const dialog = $('signin-dialog');
  $('signin-reason').textContent = reason ?? t('signin.reason');
  $('signin-error').textContent = '';
  $('signin-password').value = '';
  if (!dialog.open) dialog.showModal();
  ($('signin-subject').value ? $('signin-password') : $('signin-subject')).focus();
}

function renderWho() {
  const name = $('who-name');
  const roles = $('who-roles');
  if (!state.user) {
    name.textContent = t('who.signedOut');
    name.classList.add('signed-out');
    name.title = '';
    roles.replaceChildren();
    $('who-action').textContent = t('who.signIn');
  } else {
    name.textContent = state.user.name;
    name.dataset.prefix = t('who.signedInAs');
    name.classList.remove('signed-out');
    name.title = state.user.expires ? t('who.validUntil', { when: dateFormat.format(state.user.expires) }) : '';
    roles.replaceChildren(...[...state.user.roles].sort().map(r => h('span', { class: 'role', data: { role: r } }, r)));
    if (state.user.roles.size === 0) roles.append(h('span', { class: 'role role-none' }, t('who.noRoles')));
    $('who-action').textContent = t('who.signOut');
  }
  renderPermissions();
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

async function signIn(subject, password) {
  const response = await fetch(SESSION, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': lang },
    body: JSON.stringify({ subject, password }),
  });
  if (response.ok) return response.json();
  if (response.status === 401) throw new Error(t('signin.refused'));
  if (response.status === 429) throw new Error(t('signin.throttled'));
  const problem = await problemOf(response);
  throw new Error(problem?.detail ?? problem?.title ?? `HTTP ${response.status}`);
}

/** Signs out here; a session opened at the identity provider then goes on to sign out there (true). */
async function signOut() {
  const atProvider = state.user?.providerSignOut;
  try {
    await fetch(SESSION, { method: 'DELETE', headers: state.csrf ? { 'X-CSRF-Token': state.csrf } : {} });
  } catch {
    // the service is away: the page forgets the session all the same, and the cookie ends by itself
  }
  forgetSession();
  if (atProvider) {
    location.assign(atProvider);
    return true;
  }
  return false;
}

/** Offers the identity provider's sign-in when the service has one set up. */
async function showSignInOptions() {
  try {
    const response = await fetch(OPTIONS, { headers: { Accept: 'application/json' } });
    if (response.ok) {
      const options = await response.json();
      $('signin-provider').hidden = !options.providerSignIn;
    }
  } catch {
    // the service is away: the password form says so when it is used
  }
}

/** The sign-in dialog and the header's sign-in/sign-out button; onSignIn runs once a sign-in succeeds. */
export function wireSession(onSignIn) {
  const dialog = $('signin-dialog');
  $('signin-form').addEventListener('submit', async e => {
    e.preventDefault();
    $('signin-error').textContent = '';
    $('signin-submit').disabled = true;
    try {
      useSession(await signIn($('signin-subject').value.trim(), $('signin-password').value));
      $('signin-password').value = '';
      dialog.close();
      state.view = null;
      onSignIn();
    } catch (err) {
      $('signin-error').textContent = err.message;
    } finally {
      $('signin-submit').disabled = false;
    }
  });
  $('signin-cancel').addEventListener('click', () => dialog.close());
  $('who-action').addEventListener('click', async () => {
    if (state.user) {
      if (await signOut()) return;
      $('signin-subject').value = '';
      askToSignIn(t('signin.signedOut'));
    } else {
      askToSignIn();
    }
  });
}

/** Picks up the session this browser still has (after a reload); otherwise asks to sign in. */
export async function resumeSession() {
  await showSignInOptions();
  try {
    const response = await fetch(SESSION, { headers: { Accept: 'application/json' } });
    if (response.ok) {
      useSession(await response.json());
      return true;
    }
  } catch {
    // the service is away: the page shows the sign-in form, which says so when it is used
  }
  renderWho();
  askToSignIn();
  return false;
}
