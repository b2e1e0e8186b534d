// Solidity ABI decoding (calls, return data, logs) and the small encoder the explorer's eth_calls need. Types arrive
// in canonical form from abi.json ("uint256", "(uint256,address)[]", "bytes32[3]"), selectors and topics precomputed.

export class AbiError extends Error {
  constructor(message) { super(message); this.name = 'AbiError'; }
}

const WORD = 32;

export function parseType(text) {
  const t = text.trim();
  const m = /^(.*)\[(\d*)\]$/.exec(t);
  if (m && balanced(m[1])) {
    return { kind: 'array', element: parseType(m[1]), length: m[2] === '' ? -1 : Number(m[2]), text: t };
  }
  if (t.startsWith('(') && t.endsWith(')')) {
    return { kind: 'tuple', components: splitTuple(t.slice(1, -1)).map(parseType), text: t };
  }
  if (t === 'address' || t === 'bool' || t === 'string' || t === 'bytes') return { kind: t, text: t };
  let n = /^(u?int)(\d*)$/.exec(t);
  if (n) return { kind: n[1], bits: n[2] === '' ? 256 : Number(n[2]), text: t };
  n = /^bytes(\d+)$/.exec(t);
  if (n && Number(n[1]) >= 1 && Number(n[1]) <= 32) return { kind: 'fixedbytes', size: Number(n[1]), text: t };
  throw new AbiError(`unsupported ABI type '${text}'`);
}

function balanced(s) {
  let depth = 0;
  for (const c of s) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function splitTuple(inner) {
  if (inner === '') return [];
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) { parts.push(inner.slice(start, i)); start = i + 1; }
  }
  parts.push(inner.slice(start));
  return parts;
}

function isDynamic(t) {
  switch (t.kind) {
    case 'string': case 'bytes': return true;
    case 'array': return t.length < 0 || isDynamic(t.element);
    case 'tuple': return t.components.some(isDynamic);
    default: return false;
  }
}

function headSize(t) {
  if (isDynamic(t)) return WORD;
  if (t.kind === 'array') return t.length * headSize(t.element);
  if (t.kind === 'tuple') return t.components.reduce((s, c) => s + headSize(c), 0);
  return WORD;
}

export function hexToBytes(hex) {
  if (typeof hex !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(hex)) throw new AbiError('not a 0x-prefixed even-length hex string');
  const out = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 + i * 2, 2), 16);
  return out;
}

export function bytesToHex(bytes) {
  let s = '0x';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

function word(data, offset) {
  if (offset < 0 || offset + WORD > data.length) throw new AbiError(`data too short: need 32 bytes at offset ${offset}, have ${data.length}`);
  return data.subarray(offset, offset + WORD);
}

function toBigInt(bytes) {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function readSize(data, offset, what) {
  const v = toBigInt(word(data, offset));
  if (v > BigInt(data.length)) throw new AbiError(`${what} ${v} points past the end of ${data.length} bytes`);
  return Number(v);
}

function decodeValue(t, data, offset) {
  switch (t.kind) {
    case 'uint': {
      return toBigInt(word(data, offset));
    }
    case 'int': {
      const v = toBigInt(word(data, offset));
      return v >= (1n << 255n) ? v - (1n << 256n) : v;
    }
    case 'address':
      return bytesToHex(word(data, offset).subarray(12));
    case 'bool':
      return toBigInt(word(data, offset)) !== 0n;
    case 'fixedbytes':
      return bytesToHex(word(data, offset).subarray(0, t.size));
    case 'bytes': case 'string': {
      const length = readSize(data, offset, 'length');
      const start = offset + WORD;
      if (start + length > data.length) throw new AbiError(`${t.kind} of ${length} bytes runs past the end of the data`);
      const raw = data.subarray(start, start + length);
      return t.kind === 'string' ? new TextDecoder().decode(raw) : bytesToHex(raw);
    }
    case 'array': {
      let length = t.length, base = offset;
      if (length < 0) {
        length = readSize(data, offset, 'array length');
        base = offset + WORD;
      }
      return decodeSequence(new Array(length).fill(t.element), data, base);
    }
    case 'tuple':
      return decodeSequence(t.components, data, offset);
    default:
      throw new AbiError(`cannot decode ${t.text}`);
  }
}

function decodeSequence(types, data, base) {
  const values = [];
  let head = base;
  for (const t of types) {
    if (isDynamic(t)) {
      const rel = readSize(data, head, 'offset');
      values.push(decodeValue(t, data, base + rel));
    } else {
      values.push(decodeValue(t, data, head));
    }
    head += headSize(t);
  }
  return values;
}

// Decodes ABI data for parameters [{name, type, components}] into [{name, type, value}] (value shaped by the type).
export function decodeParameters(params, data) {
  const bytes = typeof data === 'string' ? hexToBytes(data) : data;
  const values = decodeSequence(params.map(p => parseType(p.type)), bytes, 0);
  return params.map((p, i) => ({ name: p.name, type: p.type, components: p.components, value: values[i] }));
}

function encodeWord(t, value) {
  const out = new Uint8Array(WORD);
  let v;
  switch (t.kind) {
    case 'uint': case 'int':
      v = BigInt(value);
      if (t.kind === 'uint' && (v < 0n || v >= (1n << BigInt(t.bits)))) throw new AbiError(`${value} does not fit ${t.text}`);
      if (v < 0n) v += 1n << 256n;
      break;
    case 'bool':
      v = value ? 1n : 0n;
      break;
    case 'address': {
      if (!/^0x[0-9a-fA-F]{40}$/.test(value)) throw new AbiError(`'${value}' is not an address`);
      v = BigInt(value);
      break;
    }
    case 'fixedbytes': {
      const b = hexToBytes(value);
      if (b.length !== t.size) throw new AbiError(`'${value}' is not ${t.text}`);
      out.set(b);
      return out;
    }
    default:
      throw new AbiError(`the explorer only encodes static scalar arguments, not ${t.text}`);
  }
  for (let i = WORD - 1; i >= 0; i--) { out[i] = Number(v & 0xffn); v >>= 8n; }
  return out;
}

// Calldata for a function from abi.json's per-contract map: selector + static arguments.
export function encodeCall(selector, inputs, args) {
  if (args.length !== inputs.length) throw new AbiError(`expected ${inputs.length} arguments, got ${args.length}`);
  let hex = selector;
  inputs.forEach((p, i) => { hex += bytesToHex(encodeWord(parseType(p.type), args[i])).slice(2); });
  return hex;
}

// A log's event by topic0 and its arguments: indexed ones from topics (reference types stay as their hash).
export function decodeLog(event, topics, data) {
  const indexed = event.inputs.filter(p => p.indexed);
  if (topics.length !== indexed.length + 1) throw new AbiError(`${event.name} has ${indexed.length} indexed arguments, the log has ${topics.length - 1} topics`);
  const plain = decodeParameters(event.inputs.filter(p => !p.indexed), data);
  let ti = 1, pi = 0;
  return event.inputs.map(p => {
    if (!p.indexed) return plain[pi++];
    const t = parseType(p.type);
    const topic = hexToBytes(topics[ti++]);
    const hashed = isDynamic(t) || t.kind === 'tuple' || t.kind === 'array';
    return { name: p.name, type: p.type, value: hashed ? bytesToHex(topic) : decodeValue(t, topic, 0), hashed };
  });
}
