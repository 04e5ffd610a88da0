// Signing in: the token the user pastes, kept in this browser tab only, and who it says the user is.
import { $, h, dateFormat } from './dom.js';
import { t } from './i18n.js';
import { renderPermissions } from './permissions.js';
import { state } from './state.js';

const TOKEN_KEY = 'collections.analyst.token';

function decodeToken(raw) {
  const token = (raw ?? '').trim().replace(/^Bearer\s+/i, '');
  const parts = token.split('.');
  if (parts.length !== 3) {
    throw new Error(t('token.notAToken'));
  }
  let claims;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)),
      c => c.charCodeAt(0)));
    claims = JSON.parse(json);
  } catch {
    throw new Error(t('token.unreadable'));
  }
  const expires = claims.exp ? new Date(claims.exp * 1000) : null;
  if (expires && expires.getTime() < Date.now()) {
    throw new Error(t('token.expired', { when: dateFormat.format(expires) }));
  }
  const groups = Array.isArray(claims.groups) ? claims.groups : claims.groups ? [claims.groups] : [];
  return {
    token,
    user: { name: claims.upn ?? claims.preferred_username ?? claims.sub ?? 'unknown', roles: new Set(groups), expires },
  };
}

function useToken(raw) {
  const { token, user } = decodeToken(raw);
  state.token = token;
  state.user = user;
  sessionStorage.setItem(TOKEN_KEY, token);
  renderWho();
}

export function forgetToken() {
  state.token = null;
  state.user = null;
  sessionStorage.removeItem(TOKEN_KEY);
  renderWho();
}

export function askForToken(reason) {
  const dialog = $('token-dialog');
  $('token-reason').textContent = reason ?? t('token.reason');
  $('token-error').textContent = '';
  $('token-input').value = '';
  if (!dialog.open) dialog.showModal();
  $('token-input').focus();
}

function renderWho() {
  const name = $('who-name');
  const roles = $('who-roles');
  if (!state.user) {
    name.textContent = t('who.signedOut');
    name.classList.add('signed-out');
    roles.replaceChildren();
    $('token-change').textContent = t('who.paste');
  } else {
    name.textContent = state.user.name;
    name.dataset.prefix = t('who.signedInAs');
    name.classList.remove('signed-out');
    name.title = state.user.expires ? t('who.validUntil', { when: dateFormat.format(state.user.expires) }) : '';
    roles.replaceChildren(...[...state.user.roles].sort().map(r => h('span', { class: 'role', data: { role: r } }, r)));
    if (state.user.roles.size === 0) roles.append(h('span', { class: 'role role-none' }, t('who.noRoles')));
    $('token-change').textContent = t('who.change');
  }
  renderPermissions();
}

/** The token dialog; onSignIn runs once a pasted token is taken. */
export function wireSession(onSignIn) {
  const dialog = $('token-dialog');
  $('token-form').addEventListener('submit', e => {
    try {
      useToken($('token-input').value);
      $('token-input').value = '';
      $('token-error').textContent = '';
      state.view = null;
      onSignIn();
    } catch (err) {
      e.preventDefault();
      $('token-error').textContent = err.message;
    }
  });
  $('token-cancel').addEventListener('click', () => dialog.close());
  $('token-forget').addEventListener('click', () => {
    forgetToken();
    $('token-reason').textContent = t('token.signedOut');
  });
  $('token-change').addEventListener('click', () => askForToken());
}

/** Signs in again with the token this tab kept, if it is still good; otherwise asks for one. */
export function resumeSession() {
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) {
    try {
      useToken(saved);
    } catch (e) {
      forgetToken();
      askForToken(e.message);
    }
  } else {
    renderWho();
    askForToken();
  }
}
