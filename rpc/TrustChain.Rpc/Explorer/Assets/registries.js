// System-contract pages: validators, provers, the human set, credentials and models. Everything is read with
// eth_call / eth_getLogs over bounded windows; a contract the node has not installed gets a notice, not an error.
import { h, link, blockLink, txLink, addressLink, num, trust, kv, table, notice, isHex, valueText } from './format.js';
import { stepChart } from './charts.js';
import { renderArgs, humanGrowth, LOG_WINDOW } from './pages.js';

const MEMBER_PAGE = 200;
const RECENT = 25;

async function requireContract(ctx, main, name) {
  if (await ctx.chain.isInstalled(name)) return true;
  main.append(notice(`${name} is not installed on this node.`));
  return false;
}

async function logWindow(ctx) {
  const head = num(await ctx.rpc.call('eth_blockNumber'));
  return { head, from: Math.max(0, head - LOG_WINDOW) };
}

async function roleMembers(ctx, role) {
  const [members, total] = await ctx.chain.readMany([['Staking', 'members', [role, 0, MEMBER_PAGE]], ['Staking', 'totalStake', [role]]]);
  if (members instanceof Error) throw members;
  return { members: members[0], total: total instanceof Error ? 0n : total[0] };
}

export async function validators(ctx, main) {
  main.append(h('h1', null, 'Validators'));
  if (!await requireContract(ctx, main, 'Staking')) return;
  const { members, total } = await roleMembers(ctx, 0);
  const reads = await ctx.chain.readMany(members.flatMap(v => [
    ['Staking', 'stakeOf', [v, 0]], ['Staking', 'signingInfo', [v]], ['Staking', 'isJailed', [v, 0]], ['Staking', 'isActive', [v, 0]]]));
  const rows = members.map((v, i) => {
    const [stake, signing, jailed, active] = reads.slice(i * 4, i * 4 + 4);
    const s = stake instanceof Error ? 0n : stake[0];
    const power = total > 0n ? Number((s * 1000000n) / total) / 10000 : 0;
    let uptime = '—';
    if (!(signing instanceof Error)) {
      const observed = signing.observed ?? signing[0], missed = signing.missed ?? signing[1];
      uptime = observed > 0n ? `${(Number(((observed - missed) * 10000n) / observed) / 100).toFixed(2)} % of ${observed} blocks` : 'not yet observed';
    }
    const state = jailed instanceof Error ? '—' : jailed[0] ? h('span', { class: 'bad' }, 'jailed') : active instanceof Error ? '—' : active[0] ? h('span', { class: 'ok' }, 'active') : 'inactive';
    return h('tr', null, h('td', null, addressLink(v, true)), h('td', { class: 'num' }, trust(s, 2)), h('td', { class: 'num' }, power.toFixed(2) + ' %'), h('td', null, uptime), h('td', null, state));
  });
  main.append(h('ul', { class: 'stats' }, h('li', null, 'Validators', h('b', null, members.length)), h('li', null, 'Total stake', h('b', null, trust(total, 0)))),
    table('Validator set (Staking role 0)', ['Address', 'Stake#', 'Voting power#', 'Uptime (signed)', 'State'], rows, 'No validators are staked.'));
}

export async function provers(ctx, main) {
  main.append(h('h1', null, 'Prover nodes'));
  if (!await requireContract(ctx, main, 'Staking')) return;
  const { members, total } = await roleMembers(ctx, 3);
  const reads = await ctx.chain.readMany(members.flatMap(p => [['Staking', 'stakeOf', [p, 3]], ['Staking', 'isJailed', [p, 3]]]));
  const rows = members.map((p, i) => {
    const stake = reads[i * 2], jailed = reads[i * 2 + 1];
    return h('tr', null, h('td', null, addressLink(p, true)), h('td', { class: 'num' }, trust(stake instanceof Error ? 0n : stake[0], 2)),
      h('td', null, jailed instanceof Error ? '—' : jailed[0] ? h('span', { class: 'bad' }, 'jailed') : h('span', { class: 'ok' }, 'active')));
  });
  main.append(h('ul', { class: 'stats' }, h('li', null, 'Provers', h('b', null, members.length)), h('li', null, 'Total stake', h('b', null, trust(total, 0)))),
    table('Staked provers (Staking role 3)', ['Address', 'Stake#', 'State'], rows, 'No prover has staked yet.'));
}

export async function humans(ctx, main) {
  main.append(h('h1', null, 'Human set'));
  if (!await requireContract(ctx, main, 'HumanRegistry')) return;
  const [size, root, depth, history] = await ctx.chain.readMany([
    ['HumanRegistry', 'size', []], ['HumanRegistry', 'root', []], ['HumanRegistry', 'depth', []], ['HumanRegistry', 'rootHistory', [20]]]);
  const hex32 = v => '0x' + BigInt(v).toString(16).padStart(64, '0');
  main.append(kv([
    ['Size', size instanceof Error ? '—' : valueText(size[0])],
    ['Current root', root instanceof Error ? '—' : h('span', { class: 'mono' }, hex32(root[0]))],
    ['Tree depth', depth instanceof Error ? '—' : valueText(depth[0])],
  ]));
  if (!(history instanceof Error)) {
    const roots = history.roots ?? history[0], blocks = history.lastBlocks ?? history[1];
    main.append(table('Root history (newest first)', ['Root', 'Last current at block'],
      roots.map((r, i) => h('tr', null, h('td', { class: 'mono' }, hex32(r)), h('td', null, blockLink(Number(blocks[i])))))));
  }
  const { head, from } = await logWindow(ctx);
  // Only set positions and blocks: commitments, operators and transactions would let a reader link a person.
  const kinds = [['HumanEnrolled', 'enrolled'], ['IdentityDeleted', 'erased'], ['RecoveryExecuted', 'recovered']];
  const lists = await Promise.all(kinds.map(([e]) => ctx.chain.logs('HumanRegistry', e, from, head)));
  const events = lists.flatMap((list, k) => list.map(log => ({ kind: kinds[k][1], block: num(log.blockNumber), order: num(log.logIndex), index: BigInt(log.topics[1]) })))
    .sort((a, b) => b.block - a.block || b.order - a.order).slice(0, RECENT);
  main.append(table(`Recent changes (last ${LOG_WINDOW + 1} blocks)`, ['Change', 'Set index#', 'Block'],
    events.map(e => h('tr', null, h('td', null, e.kind), h('td', { class: 'num' }, e.index.toString()), h('td', null, blockLink(e.block)))), 'No enrolments or erasures in this window.'));
  main.append(h('figure', null, h('figcaption', null, 'Human set growth'), stepChart('Human set growth', await humanGrowth(ctx, head))));
}

export async function credentials(ctx, main) {
  main.append(h('h1', null, 'Credentials and schemas'));
  if (!await requireContract(ctx, main, 'CredentialRegistry')) return;
  const { head, from } = await logWindow(ctx);
  const [schemas, issued, revoked] = await Promise.all(['SchemaRegistered', 'CredentialIssued', 'CredentialRevoked']
    .map(e => ctx.chain.logs('CredentialRegistry', e, from, head)));
  const decode = log => ctx.chain.decodeLog(log).args;
  const arg = (args, name) => args.find(a => a.name === name).value;
  main.append(table(`Schemas (registered in the last ${LOG_WINDOW + 1} blocks)`, ['Uid', 'Registrant', 'Revocable', 'Schema', 'Block'],
    schemas.slice(-RECENT).reverse().map(log => {
      const a = decode(log);
      return h('tr', null, h('td', { class: 'mono' }, arg(a, 'uid')), h('td', null, addressLink(arg(a, 'registrant'))),
        h('td', null, arg(a, 'revocable') ? 'yes' : 'no'), h('td', null, h('code', null, arg(a, 'schema'))), h('td', null, blockLink(num(log.blockNumber))));
    }), 'No schemas registered in this window.'));
  const changes = [...issued.map(l => ['issued', l]), ...revoked.map(l => ['revoked', l])]
    .sort((a, b) => num(b[1].blockNumber) - num(a[1].blockNumber)).slice(0, RECENT);
  main.append(table('Recent credentials', ['Credential', 'Change', 'Issuer', 'Recipient', 'Block'], changes.map(([kind, log]) => {
    const a = decode(log);
    const uid = arg(a, 'uid');
    return h('tr', null, h('td', null, link(`/credential/${uid}`, uid.slice(0, 18) + '…', { class: 'mono', title: uid })), h('td', null, kind),
      h('td', null, addressLink(arg(a, 'issuer'))), h('td', null, addressLink(arg(a, 'recipient'))), h('td', null, blockLink(num(log.blockNumber))));
  }), 'No credentials issued or revoked in this window.'));
}

export async function credential(ctx, main, uid) {
  main.append(h('h1', null, 'Credential'));
  if (!isHex(uid, 32)) { main.append(notice(`'${uid}' is not a 32-byte credential uid.`, 'bad')); return; }
  if (!await requireContract(ctx, main, 'CredentialRegistry')) return;
  const [c, valid, reason] = await ctx.chain.readMany([
    ['CredentialRegistry', 'getCredential', [uid]], ['CredentialRegistry', 'isValid', [uid]], ['CredentialRegistry', 'invalidReason', [uid]]]);
  if (c instanceof Error) { main.append(notice(`No credential ${uid}: ${c.message}`)); return; }
  const f = ctx.chain.contract('CredentialRegistry').byName.get('getCredential').outputs[0];
  main.append(h('p', null, valid instanceof Error ? '' : valid[0] ? h('span', { class: 'ok' }, 'Valid') : h('span', { class: 'bad' }, `Not valid${reason instanceof Error || !reason[0] ? '' : ': ' + reason[0]}`)),
    renderArgs(ctx, f.components.map((p, i) => ({ ...p, value: c[0][i] })), 'CredentialRegistry'));
}

export async function models(ctx, main) {
  main.append(h('h1', null, 'Models'));
  if (!await requireContract(ctx, main, 'ModelRegistry')) return;
  const count = Number((await ctx.chain.read('ModelRegistry', 'modelCount', []))[0]);
  const ids = [];
  for (let id = count; id >= 1 && ids.length < RECENT; id--) ids.push(id);
  const reads = await ctx.chain.readMany(ids.map(id => ['ModelRegistry', 'getModel', [id]]));
  main.append(h('ul', { class: 'stats' }, h('li', null, 'Registered models', h('b', null, count))),
    table('Newest models', ['Model', 'Registrant', 'Price per call#', 'Owners#', 'Human only', 'Status'], ids.map((id, i) => {
      const m = reads[i];
      if (m instanceof Error) return h('tr', null, h('td', null, link(`/model/${id}`, '#' + id)), h('td', { colspan: 5 }, m.message));
      const [, registrant, , , , , price, owners, , , , requireHuman, , status] = m[0];
      return h('tr', null, h('td', null, link(`/model/${id}`, '#' + id)), h('td', null, addressLink(registrant)), h('td', { class: 'num' }, trust(price, 9)),
        h('td', { class: 'num' }, owners.length), h('td', null, requireHuman ? 'yes' : 'no'), h('td', null, Number(status) === 2 ? h('span', { class: 'bad' }, 'struck') : 'active'));
    }), 'No models registered yet.'));
}

export async function model(ctx, main, id) {
  main.append(h('h1', null, `Model #${id}`));
  if (!/^\d+$/.test(id)) { main.append(notice(`'${id}' is not a model id.`, 'bad')); return; }
  if (!await requireContract(ctx, main, 'ModelRegistry')) return;
  const [m] = await ctx.chain.readMany([['ModelRegistry', 'getModel', [BigInt(id)]]]);
  if (m instanceof Error) { main.append(notice(`No model #${id}: ${m.message}`)); return; }
  const [, registrant, weightsHash, fingerprintRoot, fingerprintCount, uri, price, owners, ownerBps, hostBps, validatorBps, requireHuman, registeredAt, status] = m[0];
  main.append(kv([
    ['Registrant', addressLink(registrant, true)],
    ['Status', Number(status) === 2 ? h('span', { class: 'bad' }, 'struck') : h('span', { class: 'ok' }, 'active')],
    ['URI', uri],
    ['Price per call', trust(price, 9)],
    ['Requires a human proof', requireHuman ? 'yes' : 'no'],
    ['Weights hash', h('span', { class: 'mono' }, weightsHash)],
    ['Fingerprints', `${fingerprintCount} (root ${fingerprintRoot})`],
    ['Registered at block', blockLink(Number(registeredAt))],
  ]));
  const pct = bps => (Number(bps) / 100).toFixed(2) + ' %';
  main.append(table('Revenue split of each settlement', ['Party', 'Share#'], [
    ...owners.map((o, i) => h('tr', null, h('td', null, 'Owner ', addressLink(o, true)), h('td', { class: 'num' }, pct(ownerBps[i])))),
    h('tr', null, h('td', null, 'Serving host'), h('td', { class: 'num' }, pct(hostBps))),
    h('tr', null, h('td', null, 'Validators'), h('td', { class: 'num' }, pct(validatorBps)))]));
  const { head, from } = await logWindow(ctx);
  const topic = '0x' + BigInt(id).toString(16).padStart(64, '0');
  const settled = await ctx.chain.logs('ModelRegistry', 'UsageSettled', from, head, [topic]);
  main.append(table(`Settlements (last ${LOG_WINDOW + 1} blocks)`, ['Transaction', 'User', 'Host', 'Cumulative calls#', 'Paid#'], settled.slice(-RECENT).reverse().map(log => {
    const a = ctx.chain.decodeLog(log).args;
    const v = name => a.find(x => x.name === name).value;
    return h('tr', null, h('td', null, txLink(log.transactionHash)), h('td', null, addressLink(v('user'))), h('td', null, addressLink(v('host'))),
      h('td', { class: 'num' }, v('cumulativeCalls').toString()), h('td', { class: 'num' }, trust(v('amount'), 9)));
  }), 'No settlements in this window.'));
}
