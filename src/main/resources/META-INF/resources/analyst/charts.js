// Small charts drawn as inline SVG: nothing to download, and they print.

import { numberFormat, percentFormat, t } from './i18n.js';
const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

/** An empty chart with its title, to be read aloud as well as seen. */
function frame(title, width, height) {
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart',
    'aria-label': t('chart.label', { title }) });
  svg.appendChild(el('title', {}, title));
  svg.appendChild(el('text', { x: 0, y: 14, class: 'chart-title' }, title));
  return svg;
}

/** The legend at (x, y): [[css class, words], ...], each entry `step` wide. */
function legend(x, y, entries, step = 66) {
  const g = el('g', { transform: `translate(${x}, ${y})` });
  entries.forEach(([css, words], i) => {
    g.appendChild(el('rect', { x: step * i, y: 2, width: 10, height: 10, class: css }));
    g.appendChild(el('text', { x: step * i + 14, y: 11, class: 'chart-legend' }, words));
  });
  return g;
}

/** The plot area with its value axis: five grid lines from 0 to max, and a word where there is nothing to plot. */
function axes(margin, plotW, plotH, max, format, empty) {
  const plot = el('g', { transform: `translate(${margin.left}, ${margin.top})` });
  for (let i = 0; i <= 4; i++) {
    const value = (max * i) / 4;
    const y = plotH - (plotH * i) / 4;
    plot.appendChild(el('line', { x1: 0, x2: plotW, y1: y, y2: y, class: i === 0 ? 'axis' : 'grid' }));
    plot.appendChild(el('text', { x: -6, y: y + 4, class: 'tick', 'text-anchor': 'end' }, format(value)));
  }
  if (empty) {
    plot.appendChild(el('text', { x: plotW / 2, y: plotH / 2, class: 'tick', 'text-anchor': 'middle' }, t('chart.noCases')));
  }
  return plot;
}

/**
 * Grouped bars, before (grey) and after (blue), one group per category.
 * rows: [{key, before, after}]; returns an <svg> element.
 */
export function groupedBars(title, rows, { width = 340, format = n => numberFormat.format(n) } = {}) {
  const plotWidth = width - 58;
  const group0 = plotWidth / Math.max(1, rows.length);
  // long labels are turned, so that neighbours do not run into each other
  const turn = rows.some(r => r.key.length * 6.2 > group0 - 4);
  const height = turn ? 240 : 210;
  const margin = { top: 30, right: 10, bottom: turn ? 72 : 40, left: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = niceMax(Math.max(0, ...rows.flatMap(r => [r.before, r.after])));
  const svg = frame(title, width, height);
  svg.appendChild(legend(width - 120, 4, [['bar-before', t('chart.before')], ['bar-after', t('chart.after')]]));
  const plot = axes(margin, plotW, plotH, max, format, rows.length === 0);
  const group = plotW / Math.max(1, rows.length);
  const bar = Math.min(28, (group - 8) / 2);
  rows.forEach((r, i) => {
    const x0 = i * group + group / 2 - bar;
    for (const [j, which] of [[0, 'before'], [1, 'after']]) {
      const h = (plotH * r[which]) / max;
      const rect = el('rect', { x: x0 + j * bar, y: plotH - h, width: Math.max(1, bar - 1), height: h,
        class: `bar-${which}` });
      rect.appendChild(el('title', {}, `${r.key} ${t(`chart.${which}`)}: ${format(r[which])}`));
      plot.appendChild(rect);
    }
    const label = r.key.length > 18 ? r.key.slice(0, 17) + '…' : r.key;
    const text = el('text', { x: i * group + group / 2, y: plotH + 14, class: 'tick', 'text-anchor': 'middle' }, label);
    if (turn) {
      text.setAttribute('transform', `rotate(-35 ${i * group + group / 2} ${plotH + 14})`);
      text.setAttribute('text-anchor', 'end');
    }
    plot.appendChild(text);
  });
  svg.appendChild(plot);
  return svg;
}

/** A thin horizontal progress bar with a percentage; percent may be null (unknown yet). */
export function progressBar(percent) {
  const wrap = document.createElement('div');
  wrap.className = 'progress';
  wrap.setAttribute('role', 'progressbar');
  wrap.setAttribute('aria-valuemin', '0');
  wrap.setAttribute('aria-valuemax', '100');
  const fill = document.createElement('div');
  fill.className = 'progress-fill' + (percent == null ? ' progress-unknown' : '');
  if (percent != null) {
    wrap.setAttribute('aria-valuenow', String(Math.round(percent)));
    fill.style.width = `${Math.max(2, Math.min(100, percent))}%`;
  }
  wrap.appendChild(fill);
  return wrap;
}

/**
 * Rates with their 95 % intervals: one group of bars per arm, one bar per measure, each with a whisker from the
 * interval's lower to its upper end. groups: [{key, values: [{value, lower, upper, label}]}] in the order of series;
 * series: [{css, label}]. A value that is null (no case to count) draws no bar. Returns an <svg> element.
 */
export function intervalBars(title, groups, series, { width = 420, format = n => percentFormat.format(n) } = {}) {
  const height = 250;
  const margin = { top: 48, right: 10, bottom: 40, left: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = niceMax(Math.max(0, ...groups.flatMap(g => g.values.map(v => v?.upper ?? v?.value ?? 0))));
  const svg = frame(title, width, height);
  // under the title, which is long enough to fill the line
  svg.appendChild(legend(0, 20, series.map(s => [s.css, s.label]), 110));
  const plot = axes(margin, plotW, plotH, max, format, groups.length === 0);
  const group = plotW / Math.max(1, groups.length);
  const bar = Math.min(36, (group - 12) / series.length);
  const y = value => plotH - (plotH * value) / max;
  groups.forEach((g, i) => {
    const x0 = i * group + group / 2 - (bar * series.length) / 2;
    series.forEach((s, j) => {
      const v = g.values[j];
      if (v?.value == null) return;
      const x = x0 + j * bar;
      const rect = el('rect', { x, y: y(v.value), width: Math.max(1, bar - 2), height: plotH - y(v.value),
        class: `bar ${s.css}`, 'data-arm': g.key, 'data-value': v.value });
      rect.appendChild(el('title', {}, `${g.key} ${s.label}: ${v.label ?? format(v.value)}`));
      plot.appendChild(rect);
      if (v.lower != null && v.upper != null) {
        const mid = x + (bar - 2) / 2;
        const whisker = el('g', { class: 'interval' });
        whisker.appendChild(el('line', { x1: mid, x2: mid, y1: y(v.lower), y2: y(v.upper) }));
        for (const end of [v.lower, v.upper]) {
          whisker.appendChild(el('line', { x1: mid - 4, x2: mid + 4, y1: y(end), y2: y(end) }));
        }
        plot.appendChild(whisker);
      }
    });
    const label = g.key.length > 18 ? g.key.slice(0, 17) + '…' : g.key;
    plot.appendChild(el('text', { x: i * group + group / 2, y: plotH + 14, class: 'tick', 'text-anchor': 'middle' }, label));
  });
  svg.appendChild(plot);
  return svg;
}
