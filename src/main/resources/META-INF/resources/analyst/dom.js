// What every panel of the page uses: building elements, writing dates, numbers and money for people (in the page's
// language), and telling the user how a step went.
import { dateFormat, dayFormat, moneyFormat, numberFormat, shortDateFormat, t } from './i18n.js';

export const $ = id => document.getElementById(id);

/** h('div', {class: 'x', test: 'name', onclick}, child, 'text', ...) */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'test') node.dataset.test = v;
    else if (k === 'text') node.textContent = v;
    // through the CSSOM: the page's Content-Security-Policy refuses style attributes, not style properties
    else if (k === 'style') node.style.cssText = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'data') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export { dateFormat, numberFormat } from './i18n.js';

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/** Compact, for tables: no year when it is this year's. */
export function shortWhen(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.getFullYear() === new Date().getFullYear() ? shortDateFormat.format(d) : dayFormat.format(d);
}

export function day(iso) {
  if (!iso) return '';
  const d = new Date(iso + 'T00:00:00');
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '–';
  try {
    return moneyFormat(currency || 'CNY').format(amount);
  } catch {
    return `${numberFormat.format(amount)} ${currency ?? ''}`.trim();
  }
}

export function signed(n, format = x => numberFormat.format(x)) {
  if (!n) return format(0);
  return (n > 0 ? '+' : '−') + format(Math.abs(n));
}

/** SEND_REMINDER -> Send reminder (the catalogue's enum.SEND_REMINDER); a value it does not know, in plain letters. */
export function words(value) {
  if (value === null || value === undefined || value === '') return '–';
  const known = t(`enum.${value}`);
  if (known !== `enum.${value}`) return known;
  const s = String(value).replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const baseName = path => (path ?? '').replace(/^.*\//, '');
export const shortVersion = v => (v ?? '').slice(0, 16);

export function show(node, visible) {
  node.hidden = !visible;
}

export function message(target, kind, ...content) {
  target.replaceChildren(h('div', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content));
}

export function notice(kind, text) {
  const n = $('notice');
  n.className = `notice notice-${kind}`;
  n.textContent = text;
  show(n, true);
  clearTimeout(notice.timer);
  notice.timer = setTimeout(() => show(n, false), 10000);
}

export async function saveResponse(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
