// Explorer home-page load timings in headless Chromium (playwright-core + Debian's chromium), for the explorer bench
// (TrustChain.Bench explorer). Usage: node explorer-load.mjs http://127.0.0.1:PORT/
// The time is navigation start → the app's "explorer-rendered" mark (home rendered with its latest blocks).
//  - first: the first page ever loaded from this node process, in a fresh browser profile (node and browser cold);
//  - cold:  five more loads, each in a fresh profile (no HTTP cache, new connections);
//  - warm:  five reloads in one profile (files revalidated with ETags, kept-alive connection).
// Prints human-readable lines and one JSON line last.
import { chromium } from 'playwright-core';

const [rpcUrl] = process.argv.slice(2);
if (!rpcUrl) {
  console.error('usage: node explorer-load.mjs RPC_URL');
  process.exit(2);
}
const base = new URL('/explorer', rpcUrl).href;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const budgetMs = Number(process.env.EXPLORER_LOAD_BUDGET_MS || 300);

const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const rendered = async page => {
  await page.waitForSelector('#latest-blocks tr', { timeout: 60000 });
  return page.evaluate(() => performance.getEntriesByName('explorer-rendered')[0].startTime);
};
const freshLoad = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(base + '/', { waitUntil: 'load', timeout: 60000 });
    const ms = await rendered(page);
    const head = await page.$eval('#latest-blocks tr', row => (row.querySelector('td') ?? row).textContent.trim());
    return { ms, head };
  } finally {
    await context.close();
  }
};
const stats = values => {
  const sorted = [...values].sort((a, b) => a - b);
  return { best: Math.round(sorted[0]), median: Math.round(sorted[Math.floor(sorted.length / 2)]), worst: Math.round(sorted[sorted.length - 1]) };
};

try {
  const first = await freshLoad();
  const cold = [];
  for (let i = 0; i < 5; i++) cold.push((await freshLoad()).ms);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + '/', { waitUntil: 'load', timeout: 60000 });
  await rendered(page);
  const warm = [];
  for (let i = 0; i < 5; i++) {
    await page.reload({ waitUntil: 'load', timeout: 60000 });
    warm.push(await rendered(page));
  }
  await context.close();
  const result = { firstMs: Math.round(first.ms), latestRow: first.head, cold: stats(cold), warm: stats(warm), budgetMs };
  console.log(`browser: first load ${result.firstMs} ms (node and browser cold; top row "${first.head}")`);
  console.log(`browser: cold profile best ${result.cold.best} / median ${result.cold.median} / worst ${result.cold.worst} ms`);
  console.log(`browser: warm reload  best ${result.warm.best} / median ${result.warm.median} / worst ${result.warm.worst} ms (budget ${budgetMs} ms)`);
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
