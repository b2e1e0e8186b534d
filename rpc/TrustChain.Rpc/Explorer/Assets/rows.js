// Table rows and small helpers shared by the home page and the other chain pages.
import { RpcError } from './rpc.js';
import { h, link, blockLink, txLink, addressLink, short, num, trust, blockTimeMs, age, utc } from './format.js';

export const hex = n => '0x' + n.toString(16);

export function unwrap(value, what) {
  if (value instanceof RpcError && value.unavailable) throw new Unavailable(what);
  if (value instanceof Error) throw value;
  return value;
}

export class Unavailable extends Error {
  constructor(what) { super(`${what} is not available on this node`); this.name = 'Unavailable'; }
}

export function method(ctx, tx) {
  if (!tx.to) return h('span', { class: 'muted' }, 'contract creation');
  const call = ctx.chain.decodeCall(tx.to, tx.input);
  if (call && call.name) return h('code', null, call.name);
  if (!tx.input || tx.input === '0x') return h('span', { class: 'muted' }, 'transfer');
  return h('code', null, tx.input.slice(0, 10));
}

export function toCell(ctx, to) {
  if (!to) return h('span', { class: 'muted' }, '—');
  const name = ctx.chain.nameOf(to);
  return name ? link(`/address/${to}`, name) : addressLink(to);
}

export function blockRow(b, fresh) {
  const ms = blockTimeMs(b);
  return h('tr', { 'data-block': num(b.number), class: fresh ? 'new' : null },
    h('td', null, blockLink(num(b.number))),
    h('td', null, link(`/block/${b.hash}`, short(b.hash), { class: 'mono', title: b.hash })),
    h('td', { class: 'num' }, b.transactions.length),
    h('td', { class: 'num' }, num(b.gasUsed).toLocaleString('en-US')),
    h('td', null, h('time', { datetime: new Date(ms).toISOString(), title: utc(ms) }, age(ms))));
}

export function txRow(ctx, tx, fresh) {
  return h('tr', { class: fresh ? 'new' : null, 'data-tx': tx.hash },
    h('td', null, txLink(tx.hash)),
    h('td', null, blockLink(num(tx.blockNumber))),
    h('td', null, addressLink(tx.from)),
    h('td', null, toCell(ctx, tx.to)),
    h('td', null, method(ctx, tx)),
    h('td', { class: 'num' }, trust(tx.value, 4)));
}

export const BLOCK_HEADERS = ['Block', 'Hash', 'Txs#', 'Gas used#', 'Time'];
export const TX_HEADERS = ['Hash', 'Block', 'From', 'To', 'Method', 'Value#'];

