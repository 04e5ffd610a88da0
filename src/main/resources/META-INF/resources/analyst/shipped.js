// The tables the service was given (its decision-tables folder), each to download as a guided workbook: the start of
// an edit when no version on the page holds the table as the analyst wants it.
import { $, h, baseName, show } from './dom.js';
import { downloadTable } from './history.js';
import { t } from './i18n.js';

const TABLE = /\.drl\.(xlsx|csv)$/;

/** Lists the tables of the version in force, whose names the shipped folder shares, with a workbook link each. */
export function renderShipped(active) {
  const box = $('shipped');
  const tables = (active?.files ?? []).map(f => f.path).filter(p => TABLE.test(p));
  show(box, tables.length > 0);
  $('shipped-list').replaceChildren(...tables.map(path => h('li', { test: 'shipped-table' },
    h('span', { class: 'file-name' }, baseName(path).replace(TABLE, '')),
    h('button', { type: 'button', class: 'link', title: t('shipped.excel.title'), test: 'shipped-download',
      onclick: () => downloadTable('shipped', path, 'xlsx', 'shipped-status') }, t('shipped.excel')))));
}
