// Chain pages: block, transaction, account, search and charts (loaded on first use).
import { h, link, blockLink, txLink, addressLink, short, num, big, trust, gwei, blockTimeMs, age, utc, kv, table, notice, isHex, valueText } from './format.js';
import { barChart, stepChart } from './charts.js';
import { hex, unwrap, txRow, TX_HEADERS } from './rows.js';

const ACCOUNT_SCAN = 100;
const CHART_BLOCKS = 120;
export const LOG_WINDOW = 9999;

export async function block(ctx, main, id) {
  let b;
  if (/^\d+$/.test(id)) b = await ctx.rpc.call('eth_getBlockByNumber', [hex(BigInt(id)), true]);
  else if (isHex(id, 32)) b = await ctx.rpc.call('eth_getBlockByHash', [id, true]);
  else { main.append(h('h1', null, 'Block'), notice(`'${id}' is neither a block number nor a 32-byte hash.`, 'bad')); return; }
  if (!b) { main.append(h('h1', null, 'Block'), notice(`Block ${id} is not on this chain (yet).`)); return; }
  const n = num(b.number), ms = blockTimeMs(b);
  main.append(h('h1', null, `Block #${n}`),
    h('nav', { class: 'pager', 'aria-label': 'Neighbouring blocks' },
      n > 0 ? link(`/block/${n - 1}`, '← Previous block', { rel: 'prev' }) : null,
      link(`/block/${n + 1}`, 'Next block →', { rel: 'next' })),
    kv([
      ['Number', String(n)],
      ['Hash', h('span', { class: 'mono' }, b.hash)],
      ['Parent', n > 0 ? link(`/block/${b.parentHash}`, b.parentHash, { class: 'mono' }) : h('span', { class: 'mono' }, b.parentHash)],
      ['Time', h('time', { datetime: new Date(ms).toISOString() }, `${utc(ms)} (${age(ms)})`)],
      ['Proposer', addressLink(b.miner, true)],
      ['Transactions', String(b.transactions.length)],
      ['Gas used / limit', `${num(b.gasUsed).toLocaleString('en-US')} / ${num(b.gasLimit).toLocaleString('en-US')}`],
      ['Base fee', b.baseFeePerGas ? gwei(b.baseFeePerGas) : '—'],
      ['State root', h('span', { class: 'mono' }, b.stateRoot)],
      ['Receipts root', h('span', { class: 'mono' }, b.receiptsRoot)],
      ['Size', `${num(b.size).toLocaleString('en-US')} bytes`],
    ]),
    h('h2', null, 'Transactions'),
    table(null, TX_HEADERS, b.transactions.map(tx => txRow(ctx, tx, false)), 'No transactions in this block.'));
}

export function renderArgs(ctx, args, contract) {
  return h('dl', { class: 'args' }, args.flatMap(a => [h('dt', null, `${a.name || '(unnamed)'}`, h('span', { class: 'muted' }, ` ${a.type}`)), h('dd', null, renderValue(ctx, a, contract))]));
}

function renderValue(ctx, a, contract) {
  const v = a.value;
  if (a.hashed) return h('span', { class: 'mono', title: 'indexed reference type: its keccak hash' }, v);
  if (a.type === 'address') return addressLink(v, true);
  if (a.type.startsWith('(') && !a.type.endsWith(']') && a.components) {
    return renderArgs(ctx, a.components.map((c, i) => ({ ...c, value: v[i] })), contract);
  }
  if (a.type === 'bytes32' && contract === 'CredentialRegistry' && /uid$/i.test(a.name) && !/schema/i.test(a.name)) return link(`/credential/${v}`, v, { class: 'mono' });
  if (a.type.startsWith('uint') && contract === 'ModelRegistry' && /modelId$/i.test(a.name)) return link(`/model/${v}`, 'model #' + v);
  if (a.type.startsWith('uint') && /amount|fee|paid|stake|value|share|slashed|reward|escrow|price/i.test(a.name)) return `${v} wei (${trust(v)})`;
  if (a.type === 'uint8' && /role/i.test(a.name)) return `${v} (${['Validator', 'EnrollmentOperator', 'Issuer', 'Prover', 'ModelHost'][Number(v)] ?? 'unknown'})`;
  return h('span', { class: typeof v === 'string' && v.startsWith('0x') ? 'mono' : null }, valueText(v));
}

export async function transaction(ctx, main, hash) {
  main.append(h('h1', null, 'Transaction'));
  if (!isHex(hash, 32)) { main.append(notice(`'${hash}' is not a 32-byte transaction hash.`, 'bad')); return; }
  const [tx, receipt] = await ctx.rpc.batch([['eth_getTransactionByHash', [hash]], ['eth_getTransactionReceipt', [hash]]]);
  unwrap(tx, 'eth_getTransactionByHash');
  if (!tx) { main.append(notice(`Transaction ${hash} is not known to this node.`)); return; }
  const r = receipt instanceof Error ? null : receipt;
  const status = !r ? h('span', { class: 'muted' }, 'pending') : r.status === '0x1' ? h('span', { class: 'ok' }, 'Success') : h('span', { class: 'bad' }, 'Failed');
  const fee = r ? big(r.gasUsed) * big(r.effectiveGasPrice) : null;
  main.append(kv([
    ['Hash', h('span', { class: 'mono' }, tx.hash)],
    ['Status', status],
    ['Block', tx.blockNumber ? blockLink(num(tx.blockNumber)) : 'pending'],
    ['From', addressLink(tx.from, true)],
    ['To', tx.to ? h('span', null, addressLink(tx.to, true), ctx.chain.nameOf(tx.to) ? ` (${ctx.chain.nameOf(tx.to)})` : '') : 'contract creation'],
    ['Value', trust(tx.value)],
    ['Fee', fee === null ? '—' : `${trust(fee, 9)} (${num(r.gasUsed).toLocaleString('en-US')} gas at ${gwei(r.effectiveGasPrice)})`],
    ['Nonce', String(num(tx.nonce))],
    ['Type', String(num(tx.type))],
    ['Input', `${(tx.input.length - 2) / 2} bytes`],
  ]));
  const call = ctx.chain.decodeCall(tx.to, tx.input);
  if (call) {
    main.append(h('h2', null, 'Call'));
    if (call.error) main.append(notice(`${call.contract}${call.name ? '.' + call.name : ''}: could not decode (${call.error}).`));
    else main.append(h('section', { class: 'decoded-call', 'aria-label': 'Decoded call' }, h('p', null, h('code', null, `${call.contract}.${call.signature}`)), renderArgs(ctx, call.args, call.contract)));
  } else if (tx.input && tx.input !== '0x') {
    main.append(h('h2', null, 'Input'), h('p', { class: 'mono' }, tx.input));
  }
  if (r) {
    main.append(h('h2', null, `Events (${r.logs.length})`));
    const items = r.logs.map(log => {
      const d = ctx.chain.decodeLog(log);
      const head = h('p', null, `#${num(log.logIndex)} `, addressLink(log.address), ' ', d && d.name ? h('code', { class: 'event-name' }, `${d.contract}.${d.name}`) : h('span', { class: 'muted' }, 'undecoded'));
      if (d && d.args) return h('li', null, head, renderArgs(ctx, d.args, d.contract));
      return h('li', null, head, h('p', { class: 'mono' }, 'topics: ' + log.topics.join(', ')), h('p', { class: 'mono' }, 'data: ' + log.data));
    });
    main.append(items.length ? h('ol', { class: 'events' }, items) : h('p', { class: 'muted' }, 'No events.'));
  }
}

export async function account(ctx, main, address) {
  main.append(h('h1', null, 'Account'));
  if (!isHex(address, 20)) { main.append(notice(`'${address}' is not a 20-byte address.`, 'bad')); return; }
  const [balance, nonce, code, headHex] = await ctx.rpc.batch([
    ['eth_getBalance', [address, 'latest']], ['eth_getTransactionCount', [address, 'latest']], ['eth_getCode', [address, 'latest']], ['eth_blockNumber', []]]);
  const name = ctx.chain.nameOf(address);
  main.append(h('p', { class: 'mono' }, address, name ? h('span', null, ' — system contract ', h('b', null, name)) : null),
    kv([
      ['Balance', trust(unwrap(balance, 'eth_getBalance'))],
      ['Nonce', String(num(unwrap(nonce, 'eth_getTransactionCount')))],
      ['Kind', name ? `system contract ${name}` : (code && code !== '0x' && !(code instanceof Error)) ? 'contract' : 'externally owned account'],
    ]));

  if (await ctx.chain.isInstalled('Staking')) {
    const roles = [0, 1, 2, 3, 4];
    const reads = await ctx.chain.readMany([
      ...roles.map(r => ['Staking', 'stakeOf', [address, r]]),
      ['Staking', 'pendingRewards', [address]], ['Staking', 'unbonding', [address]]]);
    const names = ['Validator', 'Enrollment operator', 'Issuer', 'Prover', 'Model host'];
    const rows = roles.filter(r => !(reads[r] instanceof Error) && reads[r][0] > 0n)
      .map(r => h('tr', null, h('td', null, names[r]), h('td', { class: 'num' }, trust(reads[r][0]))));
    main.append(h('section', { 'aria-labelledby': 'stake-h' }, h('h2', { id: 'stake-h' }, 'Stakes'),
      table(null, ['Role', 'Stake#'], rows, 'No stake in any role.')));
    const pending = reads[5], unbonding = reads[6];
    const extra = [];
    if (!(pending instanceof Error) && pending[0] > 0n) extra.push(['Pending rewards', trust(pending[0])]);
    if (!(unbonding instanceof Error)) unbonding.amounts.forEach((a, i) => extra.push([`Unbonding ${i + 1}`, `${trust(a)} released at block ${unbonding.releaseBlocks[i]}`]));
    if (extra.length) main.append(kv(extra));
  }

  const head = num(unwrap(headHex, 'eth_blockNumber'));
  const section = h('section', { 'aria-labelledby': 'acct-tx-h' }, h('h2', { id: 'acct-tx-h' }, 'Recent transactions'));
  main.append(section);
  const body = h('tbody', { id: 'account-txs' });
  const status = h('p', { class: 'muted', role: 'status' });
  const more = h('button', { type: 'button' }, `Scan ${ACCOUNT_SCAN} older blocks`);
  section.append(status, h('table', null, h('thead', null, h('tr', null, TX_HEADERS.map(x => h('th', { scope: 'col' }, x.replace(/#$/, ''))))), body), more);
  let next = head, found = 0;
  const lower = address.toLowerCase();
  const scan = async () => {
    more.disabled = true;
    const numbers = [];
    for (let n = next; n >= 0 && numbers.length < ACCOUNT_SCAN; n--) numbers.push(n);
    const blocks = await ctx.rpc.batch(numbers.map(n => ['eth_getBlockByNumber', [hex(n), true]]));
    for (const b of blocks) {
      if (!b || b instanceof Error) continue;
      for (const tx of b.transactions) {
        if (tx.from.toLowerCase() === lower || (tx.to && tx.to.toLowerCase() === lower)) { body.append(txRow(ctx, tx, false)); found++; }
      }
    }
    next = numbers.length ? numbers[numbers.length - 1] - 1 : -1;
    status.textContent = `${found} transaction(s) in blocks ${next + 1}–${head} (scanned newest first, ${ACCOUNT_SCAN} blocks at a time).`;
    more.disabled = next < 0;
  };
  more.addEventListener('click', () => scan());
  await scan();
}

export async function search(ctx, main, q) {
  const query = (q || '').trim();
  main.append(h('h1', null, 'Search'));
  if (!query) { main.append(notice('Type a block number, a block or transaction hash, an address, a credential uid or model:ID.')); return; }
  const found = [];
  let m;
  if ((m = /^(?:block:?\s*)?#?(\d+)$/i.exec(query))) {
    const n = BigInt(m[1]);
    const [b] = await ctx.rpc.batch([['eth_getBlockByNumber', [hex(n), false]]]);
    if (b && !(b instanceof Error)) found.push([`/block/${n}`, `Block #${n}`]);
    if (!/^block/i.test(query) && await ctx.chain.isInstalled('ModelRegistry') && n > 0n) {
      const [count] = await ctx.chain.readMany([['ModelRegistry', 'modelCount', []]]);
      if (!(count instanceof Error) && n <= count[0]) found.push([`/model/${n}`, `Model #${n}`]);
    }
  } else if ((m = /^model:?\s*#?(\d+)$/i.exec(query))) {
    found.push([`/model/${m[1]}`, `Model #${m[1]}`]);
  } else if (isHex(query, 20)) {
    found.push([`/address/${query}`, `Address ${query}`]);
  } else if (isHex(query, 32)) {
    const checks = [['eth_getTransactionByHash', [query]], ['eth_getBlockByHash', [query, false]]];
    const [tx, b] = await ctx.rpc.batch(checks);
    if (tx && !(tx instanceof Error)) found.push([`/tx/${query}`, `Transaction ${short(query)}`]);
    if (b && !(b instanceof Error)) found.push([`/block/${query}`, `Block #${num(b.number)}`]);
    if (await ctx.chain.isInstalled('CredentialRegistry')) {
      const [c] = await ctx.chain.readMany([['CredentialRegistry', 'getCredential', [query]]]);
      if (!(c instanceof Error) && c[0] && BigInt(c[0].uid ?? c[0][0]) !== 0n) found.push([`/credential/${query}`, `Credential ${short(query)}`]);
    }
  } else {
    main.append(notice(`'${query}' is not a block number, 32-byte hash, address or model:ID.`, 'bad'));
    return;
  }
  if (found.length === 1) { ctx.navigate(found[0][0], true); return; }
  if (found.length === 0) { main.append(notice(`Nothing on this chain matches ${query}.`)); return; }
  main.append(h('ul', { class: 'results' }, found.map(([href, text]) => h('li', null, link(href, text)))));
}

export async function charts(ctx, main) {
  main.append(h('h1', null, 'Charts'));
  const head = num(await ctx.rpc.call('eth_blockNumber'));
  const numbers = [];
  for (let n = head; n >= 0 && numbers.length < CHART_BLOCKS; n--) numbers.push(n);
  numbers.reverse();
  const [blocks, receipts] = await Promise.all([
    ctx.rpc.batch(numbers.map(n => ['eth_getBlockByNumber', [hex(n), true]])),
    ctx.rpc.batch(numbers.map(n => ['eth_getBlockReceipts', [hex(n)]]))]);
  const ok = blocks.filter(b => b && !(b instanceof Error));
  main.append(h('p', { class: 'muted' }, `From the last ${ok.length} blocks (#${numbers[0]}–#${head}).`));

  const perMinute = new Map();
  for (const b of ok) {
    const minute = Math.floor(blockTimeMs(b) / 60000);
    perMinute.set(minute, (perMinute.get(minute) || 0) + 1);
  }
  const minutes = [...perMinute.keys()].sort((a, b) => a - b);
  const minutePoints = [];
  // At most the last hour: a gap (an idle dev chain, the genesis timestamp) must not become millions of empty bars.
  const lastMinute = minutes.length ? minutes[minutes.length - 1] : 0;
  if (minutes.length) for (let m = Math.max(minutes[0], lastMinute - 59); m <= lastMinute; m++) {
    minutePoints.push({ label: new Date(m * 60000).toISOString().slice(11, 16), value: perMinute.get(m) || 0 });
  }
  main.append(h('figure', null, h('figcaption', null, 'Blocks per minute (UTC)'), barChart('Blocks per minute', minutePoints)));
  const tail = ok.slice(-60);
  main.append(h('figure', null, h('figcaption', null, 'Transactions per block'),
    barChart('Transactions per block', tail.map(b => ({ label: '#' + num(b.number), value: b.transactions.length })))));

  if (await ctx.chain.isInstalled('HumanRegistry')) {
    const points = await humanGrowth(ctx, head);
    main.append(h('figure', null, h('figcaption', null, `Human set size (enrolments over the last ${LOG_WINDOW + 1} blocks)`), stepChart('Human set growth', points)));
  } else {
    main.append(h('h2', null, 'Human set growth'), notice('HumanRegistry is not installed on this node.'));
  }

  const fees = await registryFees(ctx, ok, receipts, numbers[0], head);
  main.append(h('figure', null, h('figcaption', null, 'Fees paid per registry (TRUST, gas plus protocol fees, same blocks)'),
    barChart('Fees paid per registry', fees.map(f => ({ label: f.name, value: Number(f.total / 10n ** 12n) / 1e6 })), ' TRUST')),
  table(null, ['Registry', 'Transactions#', 'Gas fees#', 'Protocol fees#'], fees.map(f => h('tr', null,
    h('td', null, f.name), h('td', { class: 'num' }, f.txs), h('td', { class: 'num' }, trust(f.gas, 9)), h('td', { class: 'num' }, trust(f.protocol, 9))))));
}

export async function humanGrowth(ctx, head) {
  const from = Math.max(0, head - LOG_WINDOW);
  const [size] = await ctx.chain.readMany([['HumanRegistry', 'size', []]]);
  const enrolled = await ctx.chain.logs('HumanRegistry', 'HumanEnrolled', from, head);
  const total = size instanceof Error ? enrolled.length : Number(size[0]);
  let count = total - enrolled.length;
  const points = [{ x: from, y: count, label: '#' + from }];
  for (const log of enrolled) points.push({ x: num(log.blockNumber), y: ++count, label: '#' + num(log.blockNumber) });
  points.push({ x: head, y: count, label: '#' + head });
  return points;
}

// Gas fees of transactions sent to each system contract, plus the fees its events report as paid.
async function registryFees(ctx, blocks, receipts, from, head) {
  const rows = new Map();
  for (const c of ctx.chain.contracts.values()) if (c.address) rows.set(c.address, { name: c.name, txs: 0, gas: 0n, protocol: 0n, total: 0n });
  receipts.forEach(list => {
    if (!Array.isArray(list)) return;
    for (const r of list) {
      const row = r.to && rows.get(r.to.toLowerCase());
      if (!row) continue;
      row.txs++;
      row.gas += big(r.gasUsed) * big(r.effectiveGasPrice);
      for (const log of r.logs) {
        const d = ctx.chain.decodeLog(log);
        if (!d || !d.args || !['HumanVerified', 'CredentialVerified', 'AccessBought'].includes(d.name)) continue;
        const fee = d.args.find(a => a.name === 'fee' || a.name === 'paid');
        if (fee) row.protocol += fee.value;
      }
    }
  });
  for (const row of rows.values()) row.total = row.gas + row.protocol;
  return [...rows.values()];
}
