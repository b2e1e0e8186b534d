// Drives the block explorer of a running TrustChain dev node with headless Chromium (playwright-core + Debian's
// chromium): seeds transfers and a staking call with ethers, checks abi.json against ethers' own selectors, opens
// every page, follows links home → block → tx → account, searches by number, hash and address, waits for a block to
// arrive live over eth_subscribe, fails on any console error, saves screenshots and measures the first load.
// Usage: node explorer.mjs http://127.0.0.1:PORT/ SCREENSHOT_DIR
// Prints one JSON line (the result) last; exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { JsonRpcProvider, Wallet, NonceManager, Interface, Contract, id, parseEther, hexlify, randomBytes, ZeroHash } from 'ethers';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [rpcUrl, shotDir] = process.argv.slice(2);
if (!rpcUrl || !shotDir) {
  console.error('usage: node explorer.mjs RPC_URL SCREENSHOT_DIR');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const abiDir = join(here, '..', '..', '..', 'node', 'TrustChain.Chain', 'SystemContracts', 'Abi');
const base = new URL('/explorer', rpcUrl).href;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const loadBudgetMs = Number(process.env.EXPLORER_LOAD_BUDGET_MS || 300);
// Hardhat/anvil dev keys 1, 2 and 3 (key 0 is the dev validator).
const KEYS = ['0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d', '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6'];
const STAKING = '0x0000000000000000000000000000000000001000';
const HUMANS = '0x0000000000000000000000000000000000001001';
const CREDENTIALS = '0x0000000000000000000000000000000000001002';
const MODELS = '0x0000000000000000000000000000000000001003';
const PROVER_ROLE = 3;

let checks = 0;
function check(condition, message) {
  if (!condition) throw new Error('CHECK FAILED: ' + message);
  checks++;
}

// Nonces are counted here (NonceManager): transactions go out back to back, and the node's pending count has been
// seen to trail a just-mined receipt.
async function seed(provider, [alice, bob, carol]) {
  const transfers = [];
  for (let i = 0; i < 3; i++) {
    const tx = await alice.sendTransaction({ to: Wallet.createRandom().address, value: parseEther(String(i + 1)) });
    transfers.push(tx);
  }
  const staking = new Contract(STAKING, JSON.parse(readFileSync(join(abiDir, 'Staking.json'), 'utf8')), bob);
  const min = await staking.minimumStake(PROVER_ROLE);
  const stake = await staking.stake(PROVER_ROLE, { value: min });
  const receipts = await Promise.all([...transfers, stake].map(t => t.wait()));
  for (const r of receipts) check(r.status === 1, `seed tx ${r.hash} succeeded`);
  const seeded = { transfer: receipts[0], stake: receipts[3], alice: await alice.getAddress(), prover: await bob.getAddress() };
  await seedRegistries(provider, staking, carol, seeded);
  return seeded;
}

const installed = async (provider, address) => (await provider.getCode(address)) !== '0x';
const contractAt = (address, name, signer) => new Contract(address, JSON.parse(readFileSync(join(abiDir, name + '.json'), 'utf8')), signer);
const random32 = () => hexlify(randomBytes(32));

// Registry activity for whichever registries the node has installed: an enrolment, a schema and a credential, a model.
async function seedRegistries(provider, staking, carol, seeded) {
  const stakingAsCarol = staking.connect(carol);
  if (await installed(provider, HUMANS)) {
    await (await stakingAsCarol.stake(1, { value: await staking.minimumStake(1) })).wait();
    const humans = contractAt(HUMANS, 'HumanRegistry', carol);
    // A commitment below the BN254 scalar field and dedupMatch (the dev genesis' minimum) distinct dedup tags.
    const genesis = JSON.parse(readFileSync(join(here, '..', '..', '..', 'genesis.json'), 'utf8'));
    const commitment = BigInt(random32()) >> 8n;
    const tags = Array.from({ length: Number(genesis.params.dedupMatch) }, random32);
    const r = await (await humans.enroll(commitment, tags)).wait();
    check(r.status === 1, 'enrolment succeeded');
    seeded.enrolment = r;
  }
  if (await installed(provider, CREDENTIALS)) {
    await (await stakingAsCarol.stake(2, { value: await staking.minimumStake(2) })).wait();
    const credentials = contractAt(CREDENTIALS, 'CredentialRegistry', carol);
    const schema = await (await credentials.registerSchema('string course,uint8 grade', true)).wait();
    const schemaUid = credentials.interface.parseLog(schema.logs[0]).args.uid;
    const issued = await (await credentials.issue(schemaUid, seeded.alice, random32(), 0, ZeroHash, random32())).wait();
    seeded.credentialUid = credentials.interface.parseLog(issued.logs.find(l => l.address.toLowerCase() === CREDENTIALS)).args.uid;
  }
  if (await installed(provider, MODELS)) {
    const models = contractAt(MODELS, 'ModelRegistry', carol);
    const r = await (await models.registerModel(random32(), random32(), 4, 'ipfs://explorer-test-model', parseEther('0.001'),
      [seeded.alice, await carol.getAddress()], [6000, 3000], 500, 500, false)).wait();
    seeded.modelId = models.interface.parseLog(r.logs.find(l => l.address.toLowerCase() === MODELS)).args.modelId;
  }
}

// The selectors/topics the node serves must be the ones ethers derives from the same ABI files.
async function checkAbiIndex() {
  const index = await (await fetch(base + '/abi.json')).json();
  let n = 0;
  for (const file of readdirSync(abiDir).filter(f => f.endsWith('.json'))) {
    const name = file.slice(0, -5);
    const iface = new Interface(JSON.parse(readFileSync(join(abiDir, file), 'utf8')));
    const served = index.contracts.find(c => c.name === name);
    check(served, `abi.json lists ${name}`);
    iface.forEachFunction(f => {
      const entry = served.functions[f.selector];
      check(entry && entry.signature === f.format('sighash'), `${name}.${f.format('sighash')} selector ${f.selector}`);
      n++;
    });
    iface.forEachEvent(e => {
      const entry = served.events[e.topicHash];
      check(entry && entry.signature === e.format('sighash') && e.topicHash === id(entry.signature), `${name} event ${e.format('sighash')}`);
      n++;
    });
    check(Object.keys(served.functions).length === iface.fragments.filter(f => f.type === 'function').length, `${name}: no extra functions`);
  }
  return n;
}

async function main() {
  mkdirSync(shotDir, { recursive: true });
  const provider = new JsonRpcProvider(rpcUrl, undefined, { batchMaxCount: 1, cacheTimeout: -1 });
  provider.pollingInterval = 100;
  const signers = KEYS.map(k => new NonceManager(new Wallet(k, provider)));

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const problems = [];
  const screenshots = [];
  const result = { ok: false };
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`); });
    page.on('pageerror', e => problems.push('pageerror: ' + e.message));
    page.on('response', r => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
    // The app clears data-ready when a route starts rendering and sets it when the page is complete.
    const ready = async () => page.waitForFunction(() => document.getElementById('main').dataset.ready !== undefined);
    const shot = async name => {
      const path = join(shotDir, name + '.png');
      await page.screenshot({ path, fullPage: true });
      screenshots.push(path);
    };
    const heading = async () => (await page.textContent('main h1'))?.trim();

    // First load right after the node started (nothing but the test's readiness probe has reached it yet) with a cold
    // browser cache: navigation start → home rendered with its latest blocks (a performance mark). Reported, not
    // asserted: the suite runs on a shared machine. Seeding comes after, so its JSON-RPC traffic warms nothing first.
    await page.goto(base + '/', { waitUntil: 'load' });
    await page.waitForSelector('#latest-blocks tr');
    const firstLoad = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const mark = performance.getEntriesByName('explorer-rendered')[0];
      return { loadEventEnd: nav.loadEventEnd, domContentLoaded: nav.domContentLoadedEventEnd, rendered: mark ? mark.startTime : null };
    });
    check(firstLoad.rendered !== null, 'the app marks explorer-rendered');
    result.firstLoadMs = Math.round(firstLoad.rendered);
    result.firstLoadEventMs = Math.round(firstLoad.loadEventEnd);
    const seeded = await seed(provider, signers);
    result.abiEntries = await checkAbiIndex();
    // Warm loads (files revalidated with ETags): five, reported as best and median; the budget applies to the best,
    // as the machine may be busy with other work. The RPC calls of each load are counted: the home page must read a
    // bounded number whatever the chain's height.
    const warm = [];
    let rpcCalls = 0;
    const countCalls = r => {
      if (r.method() === 'POST' && !new URL(r.url()).pathname.startsWith('/explorer')) {
        // eth_getBlockByHash is the live feed adding blocks that arrive meanwhile, not part of the load.
        const body = [JSON.parse(r.postData() || 'null')].flat();
        rpcCalls += body.filter(c => c && c.method !== 'eth_getBlockByHash').length;
      }
    };
    for (let i = 0; i < 5; i++) {
      rpcCalls = 0;
      page.on('request', countCalls);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#latest-blocks tr');
      warm.push(await page.evaluate(() => performance.getEntriesByName('explorer-rendered')[0].startTime));
      page.off('request', countCalls);
      check(rpcCalls <= 13, `home page load made ${rpcCalls} JSON-RPC calls (at most 13: head, chain id, gas price, 10 blocks)`);
    }
    warm.sort((a, b) => a - b);
    result.warmBestMs = Math.round(warm[0]);
    result.warmMedianMs = Math.round(warm[2]);
    result.homeRpcCalls = rpcCalls;
    check(result.warmBestMs < loadBudgetMs, `home page rendered in ${result.warmBestMs} ms at best (budget ${loadBudgetMs} ms)`);
    const homeRows = await page.$$eval('#latest-blocks tr', rows => rows.length);
    check(homeRows >= 1 && homeRows <= 10, `home shows a bounded number of blocks (${homeRows})`);
    await shot('home');

    // Live: the feed is eth_subscribe, and a block with a transaction sent now shows up without a reload.
    await page.waitForFunction(() => document.body.dataset.feed === 'live', null, { timeout: 10000 });
    result.feed = await page.evaluate(() => document.body.dataset.feed);
    const topBefore = Number(await page.getAttribute('#latest-blocks tr:first-child', 'data-block'));
    const live = await signers[0].sendTransaction({ to: Wallet.createRandom().address, value: 1n });
    await page.waitForSelector(`#latest-txs tr[data-tx="${live.hash}"]`, { timeout: 20000 });
    const topAfter = Number(await page.getAttribute('#latest-blocks tr:first-child', 'data-block'));
    check(topAfter > topBefore, `a new block appeared live (#${topBefore} → #${topAfter})`);
    result.liveBlock = topAfter;
    await live.wait();
    await shot('home-live');

    // Keyboard: the first Tab lands on the skip link.
    await page.keyboard.press('Tab');
    check(await page.evaluate(() => document.activeElement.classList.contains('skip')), 'first Tab focuses the skip link');

    // home → block → tx → account, by clicking.
    const txRow = page.locator(`#latest-txs tr[data-tx="${live.hash}"]`);
    await txRow.locator('td:nth-child(2) a').click();
    await page.waitForURL(/\/explorer\/block\/\d+$/);
    await ready();
    check((await heading()).startsWith('Block #'), 'block page heading');
    await shot('block');
    await page.locator(`main a[href="/explorer/tx/${live.hash}"]`).click();
    await page.waitForURL(`**/explorer/tx/${live.hash}`);
    await ready();
    check(await heading() === 'Transaction', 'tx page heading');
    check((await page.textContent('main')).includes('Success'), 'tx page shows the receipt status');
    await page.locator('main table.kv tr:nth-child(4) a').click();
    await page.waitForURL(/\/explorer\/address\/0x[0-9a-fA-F]{40}$/);
    await ready();
    check(await heading() === 'Account', `account page heading: ${await heading()} at ${page.url()}`);
    await page.waitForSelector(`#account-txs tr[data-tx="${live.hash}"]`);
    check((await page.textContent('main')).includes('TRUST'), 'account shows a balance');
    await shot('account');

    // The staking call decodes with the ABI: function, arguments and the Staked event.
    await page.goto(`${base}/tx/${seeded.stake.hash}`);
    await ready();
    const stakeText = await page.textContent('main');
    check(stakeText.includes('Staking.stake(uint8)'), 'decoded call Staking.stake(uint8)');
    check(stakeText.includes('Staking.Staked'), 'decoded event Staking.Staked');
    check(stakeText.includes('3 (Prover)'), 'decoded role argument');
    await shot('tx-stake');

    // The prover's account lists its stake.
    await page.goto(`${base}/address/${seeded.prover}`);
    await ready();
    check((await page.textContent('main')).includes('Prover'), 'account shows the prover stake');

    // Search by number, tx hash, block hash and address (typed into the header form, submitted with Enter).
    const search = async (q, pattern) => {
      await page.fill('#q', q);
      await page.press('#q', 'Enter');
      await page.waitForURL(pattern);
      await ready();
    };
    await search(String(seeded.transfer.blockNumber), new RegExp(`/explorer/block/${seeded.transfer.blockNumber}$`));
    check(await heading() === `Block #${seeded.transfer.blockNumber}`, 'search by block number');
    await search(seeded.transfer.hash, new RegExp(`/explorer/tx/${seeded.transfer.hash}$`));
    check(await heading() === 'Transaction', 'search by tx hash');
    await search(seeded.transfer.blockHash, new RegExp(`/explorer/block/${seeded.transfer.blockHash}$`));
    check(await heading() === `Block #${seeded.transfer.blockNumber}`, 'search by block hash');
    await search(seeded.alice, new RegExp(`/explorer/address/${seeded.alice}$`));
    check(await heading() === 'Account', 'search by address');
    await search('not-a-thing', /\/explorer\/search\?q=not-a-thing$/);
    check((await page.textContent('main')).includes('is not a block number'), 'a bad query is explained');

    // Search by credential uid and model id, when those registries are installed and seeded.
    if (seeded.credentialUid) {
      await search(seeded.credentialUid, new RegExp(`/explorer/credential/${seeded.credentialUid}$`));
      const text = await page.textContent('main');
      check(text.includes('Valid') && text.toLowerCase().includes(seeded.alice.toLowerCase()), 'credential page: valid, with its recipient');
      await shot('credential');
    }
    if (seeded.modelId !== undefined) {
      await search(`model:${seeded.modelId}`, new RegExp(`/explorer/model/${seeded.modelId}$`));
      const text = await page.textContent('main');
      check(text.includes('ipfs://explorer-test-model') && text.includes('60.00 %') && text.includes('5.00 %'), 'model page shows the revenue split');
      await shot('model');
    }

    // A client-side route loaded directly (server falls back to index.html).
    await page.goto(`${base}/block/1`);
    await ready();
    check(await heading() === 'Block #1', 'direct load of /explorer/block/1');

    // Registry pages: content when the contract is installed, a notice when it is not; never an error.
    const pages = {};
    for (const [path, name, expect] of [
      ['/validators', 'validators', t => t.includes('Voting power')],
      ['/provers', 'provers', t => t.toLowerCase().includes(seeded.prover.toLowerCase())],
      ['/humans', 'humans', t => seeded.enrolment ? t.includes('Root history') && t.includes('enrolled') && !t.toLowerCase().includes(seeded.enrolment.from.toLowerCase()) : t.includes('not installed on this node')],
      ['/credentials', 'credentials', t => seeded.credentialUid ? t.includes('string course,uint8 grade') && t.includes('issued') : t.includes('not installed on this node')],
      ['/models', 'models', t => seeded.modelId !== undefined ? t.includes('Registered models') && t.includes('#' + seeded.modelId) : t.includes('not installed on this node')],
      ['/charts', 'charts', t => t.includes('Blocks per minute') && t.includes('Fees paid per registry')],
    ]) {
      await page.goto(base + path);
      await ready();
      const text = await page.textContent('main');
      check(!text.includes('Could not load this page'), `${path} loads without errors: ${text.slice(0, 200)}`);
      check(expect(text), `${path} content`);
      pages[name] = text.includes('not installed on this node') ? 'not installed' : 'ok';
      await shot(name);
    }
    check(await page.$$eval('main svg.chart', s => s.length) >= 3, 'charts are drawn');
    result.pages = pages;

    check(problems.length === 0, 'no console errors or failed requests:\n' + problems.join('\n'));
    result.ok = true;
  } finally {
    await browser.close();
  }
  result.checks = checks;
  result.screenshots = screenshots.length;
  return result;
}

main().then(r => {
  console.log(JSON.stringify(r));
}, e => {
  console.error(e.stack || String(e));
  process.exit(1);
});
