// The page's words in the user's language: one catalogue per language the service speaks (i18n/*.js), the choice
// remembered in this browser, and numbers and dates written as that language writes them.
import en from './i18n/en.js';
import zhCN from './i18n/zh-CN.js';
import zhTW from './i18n/zh-TW.js';

const CATALOGUES = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
export const LANGUAGES = Object.keys(CATALOGUES);
const LANG_KEY = 'collections.analyst.lang';

/** The browser's first language the page speaks, read as the service reads Accept-Language. */
function fromBrowser() {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const t = (tag ?? '').toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(t)) return 'zh-TW';
    if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
    if (t === 'en' || t.startsWith('en-')) return 'en';
  }
  return 'en';
}

function chosen() {
  const saved = localStorage.getItem(LANG_KEY);
  return LANGUAGES.includes(saved) ? saved : fromBrowser();
}

export const lang = chosen();
const words = CATALOGUES[lang];
const plurals = new Intl.PluralRules(lang);

/** The text of key, with {name} replaced by params.name. A missing key shows itself, so it is seen and fixed. */
export function t(key, params = {}) {
  const text = words[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (params[name] ?? all));
}

/** Counted words: key.one or key.other as the language counts n ({n} is written with the language's digits). */
export function tn(key, n, params = {}) {
  const form = plurals.select(n) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}`, { ...params, n: numberFormat.format(n) });
}

export const numberFormat = new Intl.NumberFormat(lang);
export const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
export const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
export const shortDateFormat = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
export const percentFormat = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function moneyFormat(currency) {
  return new Intl.NumberFormat(lang, { style: 'currency', currency });
}

/** Fills the page's own text: data-i18n (text), data-i18n-placeholder, data-i18n-title, data-i18n-aria-label. */
export function translatePage(root = document) {
  document.documentElement.lang = lang;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-html]')) {
    // a text with <code>…</code> in it: the code is kept, the words around it are the catalogue's
    node.replaceChildren(...t(node.dataset.i18nHtml).split(/<code>(.*?)<\/code>/).map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement('code');
      code.textContent = part;
      return code;
    }));
  }
  for (const [attr, data] of [['placeholder', 'i18nPlaceholder'], ['title', 'i18nTitle'], ['aria-label', 'i18nAriaLabel']]) {
    for (const node of root.querySelectorAll(`[data-${attr === 'aria-label' ? 'i18n-aria-label' : 'i18n-' + attr}]`)) {
      node.setAttribute(attr, t(node.dataset[data]));
    }
  }
}

/** The language switch: the choice is kept in this browser, and the page starts again in it. */
export function wireLanguage(select) {
  select.value = lang;
  select.addEventListener('change', () => {
    localStorage.setItem(LANG_KEY, select.value);
    location.reload();
  });
}
