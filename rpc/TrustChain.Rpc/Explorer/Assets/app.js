// The explorer's entry point: client-side routing under /explorer, one live newHeads feed shared by the pages.
import { Rpc, RpcError } from './rpc.js';
import { Chain } from './chain.js';
import { BASE, h, notice } from './format.js';
import { home } from './home.js';
import { Unavailable } from './rows.js';

// Only the home page's code loads up front; the other pages are imported on first visit.
const pages = () => import('./pages.js');
const registries = () => import('./registries.js');

const rpcPath = document.querySelector('meta[name="trustchain-rpc-path"]').content || '/';
const rpc = new Rpc(rpcPath);
const chain = new Chain(rpc);
const main = document.getElementById('main');
const status = document.getElementById('status');

const routes = [
  // The home page starts its reads before the ABIs arrive; it is the page whose first load is timed.
  [/^\/?$/, (ctx, m) => home(ctx, m), 'Latest activity', true],
  [/^\/block\/([^/]+)$/, (ctx, m, id) => pages().then(p => p.block(ctx, m, id)), 'Block'],
  [/^\/tx\/([^/]+)$/, (ctx, m, hash) => pages().then(p => p.transaction(ctx, m, hash)), 'Transaction'],
  [/^\/address\/([^/]+)$/, (ctx, m, a) => pages().then(p => p.account(ctx, m, a)), 'Account'],
  [/^\/search$/, (ctx, m) => pages().then(p => p.search(ctx, m, new URLSearchParams(location.search).get('q'))), 'Search'],
  [/^\/charts$/, (ctx, m) => pages().then(p => p.charts(ctx, m)), 'Charts'],
  [/^\/validators$/, (ctx, m) => registries().then(r => r.validators(ctx, m)), 'Validators'],
  [/^\/provers$/, (ctx, m) => registries().then(r => r.provers(ctx, m)), 'Prover nodes'],
  [/^\/humans$/, (ctx, m) => registries().then(r => r.humans(ctx, m)), 'Human set'],
  [/^\/credentials$/, (ctx, m) => registries().then(r => r.credentials(ctx, m)), 'Credentials'],
  [/^\/credential\/([^/]+)$/, (ctx, m, uid) => registries().then(r => r.credential(ctx, m, uid)), 'Credential'],
  [/^\/models$/, (ctx, m) => registries().then(r => r.models(ctx, m)), 'Models'],
  [/^\/model\/([^/]+)$/, (ctx, m, id) => registries().then(r => r.model(ctx, m, id)), 'Model'],
];

const headListeners = new Set();
let generation = 0;
let chainReady = null;

let moveFocus = false;

function navigate(href, replace) {
  moveFocus = true;
  const url = new URL(href.startsWith(BASE) ? href : BASE + href, location.href);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

async function render() {
  const current = ++generation;
  headListeners.clear();
  delete main.dataset.ready;
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  const target = h('div');
  let title = 'Not found', run = null;
  let early = false;
  for (const [pattern, page, name, ownsChainWait] of routes) {
    const m = pattern.exec(path);
    if (m) { title = name; early = !!ownsChainWait; run = () => page(ctx(current), target, ...m.slice(1).map(decodeURIComponent)); break; }
  }
  document.title = `${title} · TrustChain explorer`;
  for (const a of document.querySelectorAll('.top nav a')) {
    const here = new URL(a.href).pathname.replace(/\/$/, '') === (BASE + path).replace(/\/$/, '');
    if (here) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (!run) {
    target.append(h('h1', null, 'Not found'), notice(`The explorer has no page at ${location.pathname}.`));
  } else {
    try {
      if (!early) await chainReady;
      await run();
    } catch (e) {
      if (current !== generation) return;
      const text = e instanceof Unavailable ? e.message
        : e instanceof RpcError && e.unavailable ? `${e.message}: this page is not available on this node.`
        : `Could not load this page: ${e.message}`;
      target.append(notice(text, e instanceof Unavailable || (e instanceof RpcError && e.unavailable) ? null : 'bad'));
      if (!(e instanceof Unavailable)) console.warn(e);
    }
  }
  if (current !== generation) return;
  main.replaceChildren(...target.childNodes);
  main.dataset.page = title;
  main.dataset.ready = String(current);
  // The Playwright test reads this to time the first load from navigation start to a rendered page.
  if (performance.getEntriesByName('explorer-rendered').length === 0) performance.mark('explorer-rendered');
  // After an in-app navigation, focus moves to the new content so keyboard and screen-reader users start there.
  if (moveFocus) { moveFocus = false; main.focus(); }
}

function ctx(current) {
  return {
    rpc, chain, navigate, chainReady,
    onHead(fn) { if (current === generation) headListeners.add(fn); },
  };
}

document.addEventListener('click', e => {
  const a = e.target.closest('a');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE) || /\.[a-z]+$/i.test(url.pathname)) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

document.querySelector('.search').addEventListener('submit', e => {
  e.preventDefault();
  const q = document.getElementById('q').value.trim();
  navigate('/search?q=' + encodeURIComponent(q));
});

window.addEventListener('popstate', () => { moveFocus = true; render(); });

let mode = 'connecting';
chainReady = chain.load();
rpc.watchHeads(header => {
  status.textContent = `Head #${Number(BigInt(header.number))} · ${mode}`;
  for (const fn of headListeners) fn(header).catch?.(err => console.warn(err));
}, m => { mode = m === 'live' ? 'live via eth_subscribe' : 'polling eth_blockNumber'; status.textContent = `Connected (${mode})`; document.body.dataset.feed = m; });
render();
