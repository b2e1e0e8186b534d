// Emits Poseidon known-answer vectors computed by poseidon-lite for widths 1..16.
// Usage (from tests/interop): node zk-peers/poseidon-vectors.mjs [perWidth] [seed]
// Without a seed the inputs come from crypto randomness, so every run checks fresh values.
import * as poseidon from "poseidon-lite";
import { randomBytes, createHash } from "node:crypto";

const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const perWidth = Number(process.argv[2] ?? 4);
const seed = process.argv[3];

let counter = 0;
function nextBytes() {
  if (seed === undefined) return randomBytes(32);
  counter += 1;
  return createHash("sha256").update(`${seed}:${counter}`).digest();
}
function randomField() {
  return BigInt("0x" + nextBytes().toString("hex")) % P;
}

const vectors = [];
for (let width = 1; width <= 16; width += 1) {
  const fn = poseidon[`poseidon${width}`];
  for (let k = 0; k < perWidth; k += 1) {
    const inputs = [];
    for (let i = 0; i < width; i += 1) {
      // Mix in small and extreme values so the edges get covered too.
      if (k === 0) inputs.push(BigInt(i));
      else if (k === 1) inputs.push(P - 1n - BigInt(i));
      else inputs.push(randomField());
    }
    vectors.push({ inputs: inputs.map(String), output: fn(inputs).toString() });
  }
}
process.stdout.write(JSON.stringify({ source: "poseidon-lite 0.3.0", vectors }, null, 1) + "\n");
