// Generates ABI encoding cases with ethers v6's AbiCoder: random types (static, dynamic, nested tuples, arrays of
// tuples, empty arrays, long strings) with random values, their encodings, plus selectors and event topics computed by
// ethers' Interface. TrustChain's codec must match byte for byte.
// Usage: node abi-fixture.mjs [seed] [cases]   — prints JSON to stdout. The committed fixture is seed 1, 300 cases.
import { AbiCoder, Interface, FunctionFragment, EventFragment, getAddress, hexlify } from "ethers";

const seed = Number(process.argv[2] ?? 1) >>> 0;
const caseCount = Number(process.argv[3] ?? 300);

// mulberry32: a small deterministic PRNG, so a seed reproduces a fixture exactly.
let state = seed || 1;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];
const bytes = (n) => Uint8Array.from({ length: n }, () => int(256));
function bigRand(bits) {
  let v = 0n;
  for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(int(2 ** 32));
  return v & ((1n << BigInt(bits)) - 1n);
}

const widths = [8, 16, 24, 32, 64, 128, 160, 248, 256];
function randomType(depth) {
  const r = rand();
  if (depth < 3 && r < 0.12) return { kind: "array", element: randomType(depth + 1) };
  if (depth < 3 && r < 0.2) return { kind: "fixed", element: randomType(depth + 1), length: 1 + int(3) };
  if (depth < 3 && r < 0.3) return { kind: "tuple", components: Array.from({ length: 1 + int(3) }, () => randomType(depth + 1)) };
  return pick([
    { kind: "uint", bits: pick(widths) }, { kind: "int", bits: pick(widths) }, { kind: "address" }, { kind: "bool" },
    { kind: "bytesN", size: 1 + int(32) }, { kind: "bytes" }, { kind: "string" },
  ]);
}
function typeName(t) {
  switch (t.kind) {
    case "uint": return "uint" + t.bits;
    case "int": return "int" + t.bits;
    case "bytesN": return "bytes" + t.size;
    case "array": return typeName(t.element) + "[]";
    case "fixed": return typeName(t.element) + "[" + t.length + "]";
    case "tuple": return "(" + t.components.map(typeName).join(",") + ")";
    default: return t.kind;
  }
}
const strings = ["", "a", "TrustChain", "héllo wörld ✓", "🦀 emoji 𝄞", "x".repeat(31), "y".repeat(32), "z".repeat(33)];
// Returns [ethersValue, jsonValue].
function randomValue(t) {
  switch (t.kind) {
    case "uint": {
      const max = (1n << BigInt(t.bits)) - 1n;
      const v = pick([0n, 1n, max, bigRand(t.bits), bigRand(t.bits)]);
      return [v, v.toString()];
    }
    case "int": {
      const half = 1n << BigInt(t.bits - 1);
      const v = pick([0n, -1n, half - 1n, -half, bigRand(t.bits) - half, bigRand(t.bits) - half]);
      return [v, v.toString()];
    }
    case "address": { const a = getAddress(hexlify(bytes(20))); return [a, a.toLowerCase()]; }
    case "bool": { const b = rand() < 0.5; return [b, b]; }
    case "bytesN": { const h = hexlify(bytes(t.size)); return [h, h]; }
    case "bytes": { const h = hexlify(bytes(pick([0, 1, 31, 32, 33, int(100), 200]))); return [h, h]; }
    case "string": {
      const s = rand() < 0.15 ? "long string ".repeat(20 + int(20)) : pick(strings);
      return [s, s];
    }
    case "array": case "fixed": {
      const n = t.kind === "fixed" ? t.length : pick([0, 0, 1, 2, 3]);
      const items = Array.from({ length: n }, () => randomValue(t.element));
      return [items.map((x) => x[0]), items.map((x) => x[1])];
    }
    case "tuple": {
      const items = t.components.map(randomValue);
      return [items.map((x) => x[0]), items.map((x) => x[1])];
    }
  }
}

const coder = AbiCoder.defaultAbiCoder();
const cases = [];
const raw = [];
for (let i = 0; i < caseCount; i++) {
  const types = Array.from({ length: 1 + int(4) }, () => randomType(0));
  const names = types.map(typeName);
  const values = types.map(randomValue);
  const encoded = coder.encode(names, values.map((v) => v[0]));
  cases.push({ types: names, values: values.map((v) => v[1]), encoded });
  raw.push(values.map((v) => v[0]));
}

// Selectors and topics straight from ethers' fragments (not from our own keccak of the signature string).
const signatures = cases.slice(0, 40).map((c, i) => "f" + i + "(" + c.types.join(",") + ")");
const selectors = signatures.map((s) => ({ signature: s, selector: FunctionFragment.from("function " + s).selector }));
const topics = [];
for (let i = 0; i < Math.min(cases.length, 120); i++) {
  const c = cases[i];
  const t = c.types[0];
  if (/[\[(]/.test(t)) continue;
  const iface = new Interface(["event E(" + t + " indexed v)"]);
  const log = iface.encodeEventLog(iface.getEvent("E"), [raw[i][0]]);
  topics.push({ type: t, value: c.values[0], topic0: EventFragment.from("event E(" + t + " indexed v)").topicHash, topic: log.topics[1] });
}

process.stdout.write(JSON.stringify({ generator: "ethers " + (await import("ethers")).version, seed, cases, selectors, topics }, null, 1) + "\n");
