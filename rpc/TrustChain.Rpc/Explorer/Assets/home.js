// The landing page: the newest blocks and transactions, kept current by the shared newHeads feed. Its reads are
// bounded (HOME_BLOCKS blocks in one batch) so it loads as fast on a long chain as on a new one.
import { h, num, gwei, blockTimeMs } from './format.js';
import { hex, blockRow, txRow, BLOCK_HEADERS, TX_HEADERS } from './rows.js';

const HOME_BLOCKS = 10;
const HOME_TXS = 10;

export async function home(ctx, main) {
  // Two round trips whatever the chain's height: the head, then the newest blocks with the summary figures.
  const head = num(await ctx.rpc.call('eth_blockNumber'));
  const numbers = [];
  for (let n = head; n >= 0 && numbers.length < HOME_BLOCKS; n--) numbers.push(n);
  const [replies] = await Promise.all([ctx.rpc.batch([
    ['eth_chainId', []], ['eth_gasPrice', []],
    ...numbers.map(n => ['eth_getBlockByNumber', [hex(n), true]])]), ctx.chainReady]);
  const [chainId, gasPrice] = replies;
  const blocks = replies.slice(2).filter(b => b && !(b instanceof Error));
  const txs = blocks.flatMap(b => b.transactions).slice(0, HOME_TXS);

  const headStat = h('b', { id: 'head-number' }, '#' + head);
  const span = blocks.length > 1 ? (blockTimeMs(blocks[0]) - blockTimeMs(blocks[blocks.length - 1])) / (blocks.length - 1) : 0;
  main.append(
    h('h1', null, 'Latest activity'),
    h('ul', { class: 'stats', 'aria-label': 'Chain summary' },
      h('li', null, 'Head', headStat),
      h('li', null, 'Chain id', h('b', null, chainId instanceof Error ? '—' : num(chainId))),
      h('li', null, 'Gas price', h('b', null, gasPrice instanceof Error ? '—' : gwei(gasPrice))),
      h('li', null, 'Block time', h('b', null, span ? (span / 1000).toFixed(2) + ' s' : '—'))),
  );
  const blockBody = h('tbody', { id: 'latest-blocks' }, blocks.map(b => blockRow(b, false)));
  const txBody = h('tbody', { id: 'latest-txs' }, txs.map(tx => txRow(ctx, tx, false)));
  const thead = headers => h('thead', null, h('tr', null, headers.map(x => h('th', { scope: 'col', class: x.endsWith('#') ? 'num' : null }, x.replace(/#$/, '')))));
  main.append(h('div', { class: 'grid' },
    h('section', { 'aria-labelledby': 'blocks-h' }, h('h2', { id: 'blocks-h' }, 'Latest blocks'), h('table', null, thead(BLOCK_HEADERS), blockBody)),
    h('section', { 'aria-labelledby': 'txs-h' }, h('h2', { id: 'txs-h' }, 'Latest transactions'),
      h('table', null, thead(TX_HEADERS), txBody),
      txs.length === 0 ? h('p', { class: 'muted', id: 'no-txs' }, `No transactions in the last ${blocks.length} blocks.`) : null)));

  let shown = head;
  ctx.onHead(async header => {
    const n = num(header.number);
    if (n <= shown) return;
    shown = n;
    const block = await ctx.rpc.call('eth_getBlockByHash', [header.hash, true]);
    if (!block) return;
    headStat.textContent = '#' + n;
    blockBody.prepend(blockRow(block, true));
    while (blockBody.rows.length > HOME_BLOCKS) blockBody.deleteRow(-1);
    for (const tx of [...block.transactions].reverse()) txBody.prepend(txRow(ctx, tx, true));
    while (txBody.rows.length > HOME_TXS) txBody.deleteRow(-1);
    if (block.transactions.length) main.querySelector('#no-txs')?.remove();
  });
}

