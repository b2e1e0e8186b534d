// What the explorer knows about the chain beyond raw JSON-RPC: the system contracts' ABIs (from abi.json), which
// of them this node has installed, and typed reads through eth_call.
import { RpcError } from './rpc.js';
import { decodeParameters, decodeLog, encodeCall, AbiError } from './abi.js';

export class NotInstalledError extends Error {
  constructor(contract) {
    super(`${contract} is not installed on this node`);
    this.name = 'NotInstalledError';
    this.contract = contract;
  }
}

export class Chain {
  constructor(rpc) {
    this.rpc = rpc;
    this.contracts = new Map();
    this.byAddress = new Map();
    this.installedNames = null;
  }

  async load() {
    const response = await fetch('/explorer/abi.json');
    if (!response.ok) throw new Error(`abi.json: HTTP ${response.status}`);
    const index = await response.json();
    for (const c of index.contracts) {
      const byName = new Map();
      for (const [selector, f] of Object.entries(c.functions)) {
        f.selector = selector;
        if (!byName.has(f.name)) byName.set(f.name, f);
      }
      const eventsByName = new Map();
      for (const [topic, e] of Object.entries(c.events)) {
        e.topic = topic;
        eventsByName.set(e.name, e);
      }
      const contract = { ...c, byName, eventsByName };
      this.contracts.set(c.name, contract);
      if (c.address) this.byAddress.set(c.address.toLowerCase(), contract);
    }
    return this;
  }

  contract(name) {
    const c = this.contracts.get(name);
    if (!c) throw new Error(`no ABI for ${name}`);
    return c;
  }

  nameOf(address) {
    const c = address && this.byAddress.get(address.toLowerCase());
    return c ? c.name : null;
  }

  // System contracts report a non-empty marker as code; an absent one has none.
  async installed() {
    if (this.installedNames) return this.installedNames;
    const list = [...this.contracts.values()].filter(c => c.address);
    const codes = await this.rpc.batch(list.map(c => ['eth_getCode', [c.address, 'latest']]));
    this.installedNames = new Set(list.filter((c, i) => typeof codes[i] === 'string' && codes[i] !== '0x').map(c => c.name));
    return this.installedNames;
  }

  async isInstalled(name) { return (await this.installed()).has(name); }

  event(contract, name) {
    const e = this.contract(contract).eventsByName.get(name);
    if (!e) throw new Error(`${contract} has no event ${name}`);
    return e;
  }

  // reads: [[contract, function, args]]; returns, per read, an object of named outputs (also indexable by
  // position) or an Error (a revert, a missing contract) so one failed read leaves the others usable.
  async readMany(reads) {
    const installed = await this.installed();
    const calls = [], slots = [];
    const results = reads.map(([contract, fn, args], i) => {
      if (!installed.has(contract)) return new NotInstalledError(contract);
      const c = this.contract(contract);
      const f = c.byName.get(fn);
      if (!f) return new AbiError(`${contract} has no function ${fn}`);
      slots.push({ i, f });
      calls.push(['eth_call', [{ to: c.address, data: encodeCall(f.selector, f.inputs, args || []) }, 'latest']]);
      return null;
    });
    const replies = await this.rpc.batch(calls);
    slots.forEach(({ i, f }, k) => {
      const reply = replies[k];
      if (reply instanceof RpcError) { results[i] = reply; return; }
      try {
        const decoded = decodeParameters(f.outputs, reply);
        const out = decoded.map(d => d.value);
        decoded.forEach((d, j) => { if (d.name) out[d.name] = d.value; });
        results[i] = out;
      } catch (e) {
        results[i] = e;
      }
    });
    return results;
  }

  async read(contract, fn, args) {
    const [r] = await this.readMany([[contract, fn, args]]);
    if (r instanceof Error) throw r;
    return r;
  }

  decodeCall(to, input) {
    const c = to && this.byAddress.get(to.toLowerCase());
    if (!c || !input || input.length < 10) return null;
    const f = c.functions[input.slice(0, 10).toLowerCase()];
    if (!f) return { contract: c.name, error: `unknown selector ${input.slice(0, 10)}` };
    try {
      return { contract: c.name, name: f.name, signature: f.signature, args: decodeParameters(f.inputs, '0x' + input.slice(10)) };
    } catch (e) {
      return { contract: c.name, name: f.name, signature: f.signature, error: e.message };
    }
  }

  decodeLog(log) {
    const c = this.byAddress.get(log.address.toLowerCase());
    if (!c || log.topics.length === 0) return null;
    const e = c.events[log.topics[0].toLowerCase()];
    if (!e) return { contract: c.name, error: 'unknown event topic' };
    try {
      return { contract: c.name, name: e.name, signature: e.signature, args: decodeLog(e, log.topics, log.data) };
    } catch (err) {
      return { contract: c.name, name: e.name, signature: e.signature, error: err.message };
    }
  }

  // eth_getLogs for one event of a system contract over [from, to]; topics beyond topic0 optional.
  async logs(contract, eventName, fromBlock, toBlock, extraTopics = []) {
    const c = this.contract(contract);
    const e = this.event(contract, eventName);
    return this.rpc.call('eth_getLogs', [{
      address: c.address,
      fromBlock: '0x' + fromBlock.toString(16),
      toBlock: '0x' + toBlock.toString(16),
      topics: [e.topic, ...extraTopics],
    }]);
  }
}
