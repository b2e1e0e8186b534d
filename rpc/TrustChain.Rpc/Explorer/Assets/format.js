// Formatting and DOM helpers. Everything from the chain goes into the page as text nodes, never as HTML.

export const BASE = '/explorer';
export const ROLES = ['Validator', 'Enrollment operator', 'Issuer', 'Prover', 'Model host'];

export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export const link = (href, text, attrs) => h('a', { href: BASE + href, ...attrs }, text);
export const blockLink = n => link(`/block/${n}`, '#' + n);
export const txLink = (hash, full) => link(`/tx/${hash}`, full ? hash : short(hash), { class: 'mono', title: hash });
export const addressLink = (a, full) => a ? link(`/address/${a}`, full ? a : short(a), { class: 'mono', title: a }) : h('span', { class: 'muted' }, '—');

export function short(hex) {
  if (typeof hex !== 'string') return String(hex);
  return hex.length > 18 ? hex.slice(0, 10) + '…' + hex.slice(-6) : hex;
}

export const num = q => (q === null || q === undefined) ? 0 : Number(BigInt(q));
export const big = q => (q === null || q === undefined) ? 0n : BigInt(q);

// Wei to TRUST (18 decimals) with exact integer arithmetic; trailing zeros trimmed.
export function trust(wei, digits = 6) {
  let v = BigInt(wei);
  const negative = v < 0n;
  if (negative) v = -v;
  const whole = v / 10n ** 18n;
  let frac = (v % 10n ** 18n).toString().padStart(18, '0').slice(0, digits).replace(/0+$/, '');
  if (frac === '' && v % 10n ** 18n !== 0n) frac = '0'.repeat(digits - 1) + '1';
  const text = whole.toLocaleString('en-US') + (frac ? '.' + frac : '');
  return (negative ? '-' : '') + text + ' TRUST';
}

export function gwei(wei) {
  const v = BigInt(wei);
  const whole = v / 1000000000n;
  const frac = (v % 1000000000n).toString().padStart(9, '0').replace(/0+$/, '');
  return whole.toString() + (frac ? '.' + frac : '') + ' gwei';
}

export const blockTimeMs = b => b.timestampMs !== undefined ? num(b.timestampMs) : num(b.timestamp) * 1000;

export function age(ms) {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return Math.floor(s / 86400) + ' d ago';
}

export const utc = ms => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

export function kv(rows) {
  return h('table', { class: 'kv' }, h('tbody', null, rows.filter(Boolean).map(([k, v]) => h('tr', null, h('th', { scope: 'row' }, k), h('td', null, v)))));
}

export function table(caption, headers, rows, empty = 'None yet.') {
  if (rows.length === 0) return h('div', null, caption ? h('h2', null, caption) : null, h('p', { class: 'muted' }, empty));
  return h('table', null,
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, headers.map(x => h('th', { scope: 'col', class: x.endsWith('#') ? 'num' : null }, x.replace(/#$/, ''))))),
    h('tbody', null, rows));
}

export const notice = (text, cls) => h('p', { class: 'notice' + (cls ? ' ' + cls : ''), role: cls === 'bad' ? 'alert' : null }, text);

export function isHex(s, bytes) {
  return typeof s === 'string' && new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(s);
}

export function valueText(v) {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return '[' + v.map(valueText).join(', ') + ']';
  return String(v);
}
