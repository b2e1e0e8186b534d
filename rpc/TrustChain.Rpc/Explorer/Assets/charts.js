// Small SVG charts drawn by hand: bars for per-bucket counts, a step line for cumulative series.
const NS = 'http://www.w3.org/2000/svg';
const W = 640, H = 220, L = 48, R = 12, T = 12, B = 40;

function s(tag, attrs, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(label, summary, maxY) {
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': `${label}: ${summary}` });
  svg.append(s('title', null, label), s('desc', null, summary));
  svg.append(s('line', { class: 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B }));
  svg.append(s('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }));
  for (const f of [0, 0.5, 1]) {
    const y = H - B - f * (H - B - T);
    svg.append(s('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, formatTick(maxY * f)));
  }
  return svg;
}

function formatTick(v) {
  if (v > 0 && v < 1) return String(Number(v.toPrecision(2)));
  if (v >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (v >= 1e3) return (v / 1e3).toFixed(1) + 'k';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

// points: [{label, value}] (value a Number); every nth label is drawn to keep the axis readable.
export function barChart(label, points, unit = '') {
  const max = points.reduce((m, p) => Math.max(m, p.value), 0) || 1;
  const total = points.reduce((a, p) => a + p.value, 0);
  const svg = frame(label, `${points.length} bars, total ${formatTick(total)}${unit}, highest ${formatTick(max)}${unit}`, max);
  const width = (W - L - R) / Math.max(1, points.length);
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    const height = (p.value / max) * (H - B - T);
    const x = L + i * width;
    const bar = s('rect', { class: 'bar', x: x + width * 0.1, y: H - B - height, width: Math.max(1, width * 0.8), height });
    bar.append(s('title', null, `${p.label}: ${formatTick(p.value)}${unit}`));
    svg.append(bar);
    if (i % every === 0) svg.append(s('text', { x: x + width / 2, y: H - B + 16, 'text-anchor': 'middle' }, p.label));
  });
  return svg;
}

// points: [{x: Number, y: Number, label}] sorted by x; drawn as a step line (a count that changes at events).
export function stepChart(label, points) {
  const max = points.reduce((m, p) => Math.max(m, p.y), 0) || 1;
  const last = points.length ? points[points.length - 1].y : 0;
  const svg = frame(label, `${points.length} points, now ${formatTick(last)}`, max);
  if (points.length === 0) return svg;
  const x0 = points[0].x, x1 = Math.max(x0 + 1, points[points.length - 1].x);
  const px = x => L + ((x - x0) / (x1 - x0)) * (W - L - R);
  const py = y => H - B - (y / max) * (H - B - T);
  let d = `M ${px(points[0].x)} ${py(points[0].y)}`;
  for (let i = 1; i < points.length; i++) d += ` H ${px(points[i].x)} V ${py(points[i].y)}`;
  svg.append(s('path', { class: 'line', d }));
  svg.append(s('text', { x: L, y: H - B + 16, 'text-anchor': 'start' }, points[0].label));
  svg.append(s('text', { x: W - R, y: H - B + 16, 'text-anchor': 'end' }, points[points.length - 1].label));
  return svg;
}
