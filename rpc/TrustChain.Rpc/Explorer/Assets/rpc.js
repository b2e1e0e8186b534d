// JSON-RPC client for the node that serves the page: single calls, batches (one round trip for a page's reads)
// and eth_subscribe over WebSocket with a polling fallback.

export const METHOD_NOT_FOUND = -32601;

export class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.data = data;
  }

  get unavailable() { return this.code === METHOD_NOT_FOUND; }
}

export class Rpc {
  constructor(path) {
    this.path = path || '/';
    this.nextId = 1;
  }

  async call(method, params = []) {
    const [result] = await this.batch([[method, params]]);
    if (result instanceof RpcError) throw result;
    return result;
  }

  // Returns one entry per call: the result, or an RpcError for that call (a failed call does not fail the rest).
  async batch(calls) {
    if (calls.length === 0) return [];
    const first = this.nextId;
    this.nextId += calls.length;
    const body = calls.map(([method, params], i) => ({ jsonrpc: '2.0', id: first + i, method, params: params ?? [] }));
    const response = await fetch(this.path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new RpcError(-32000, `HTTP ${response.status} from the node`);
    const replies = await response.json();
    if (!Array.isArray(replies)) {
      const e = replies && replies.error;
      throw new RpcError(e ? e.code : -32603, e ? e.message : 'malformed batch reply');
    }
    const out = new Array(calls.length);
    for (const reply of replies) {
      const i = reply.id - first;
      if (i < 0 || i >= calls.length) continue;
      out[i] = reply.error ? new RpcError(reply.error.code, reply.error.message, reply.error.data) : reply.result;
    }
    for (let i = 0; i < out.length; i++) {
      if (out[i] === undefined) out[i] = new RpcError(-32603, 'no reply for ' + calls[i][0]);
    }
    return out;
  }

  // Calls onHead(header) for every new block. Uses eth_subscribe("newHeads"); when the node has no WebSocket
  // subscriptions (or the socket drops) it polls eth_blockNumber every pollMs instead. Returns a stop function.
  watchHeads(onHead, onMode, pollMs = 1000) {
    let stopped = false;
    let socket = null;
    let timer = null;
    let last = null;

    const poll = async () => {
      if (stopped) return;
      try {
        const head = Number(BigInt(await this.call('eth_blockNumber')));
        if (last === null) last = head;
        if (head > last) {
          const numbers = [];
          for (let n = Math.max(last + 1, head - 19); n <= head; n++) numbers.push(n);
          const blocks = await this.batch(numbers.map(n => ['eth_getBlockByNumber', ['0x' + n.toString(16), false]]));
          for (const b of blocks) if (b && !(b instanceof RpcError)) onHead(b);
          last = head;
        }
      } catch { /* the next tick retries */ }
      if (!stopped) timer = setTimeout(poll, pollMs);
    };
    const startPolling = () => {
      if (stopped || timer !== null) return;
      onMode('polling');
      poll();
    };

    if (typeof WebSocket === 'undefined') {
      startPolling();
    } else {
      const url = new URL(this.path, location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      try {
        socket = new WebSocket(url);
      } catch {
        startPolling();
      }
      if (socket) {
        let subscribed = false;
        socket.onopen = () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: ['newHeads'] }));
        socket.onmessage = event => {
          let msg;
          try { msg = JSON.parse(event.data); } catch { return; }
          if (msg.id === 1) {
            if (msg.error) { socket.close(); startPolling(); return; }
            subscribed = true;
            onMode('live');
          } else if (msg.method === 'eth_subscription' && msg.params && msg.params.result) {
            onHead(msg.params.result);
          }
        };
        socket.onerror = () => { if (!subscribed) startPolling(); };
        socket.onclose = () => { if (!stopped) startPolling(); };
      }
    }

    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      if (socket && socket.readyState <= 1) socket.close();
    };
  }
}
