// BLAKE-512 (blake-hash, the library zk-kit's BLAKE-512 is adapted from) and Keccak-256 (ethers) digests of
// byte strings around the block boundaries. Usage (from tests/interop): node zk-peers/hash-vectors.mjs [seed]
import createBlakeHash from "blake-hash";
import { keccak256 } from "ethers";
import { randomBytes, createHash } from "node:crypto";

const seed = process.argv[2];
function bytes(length, tag) {
  if (seed === undefined) return randomBytes(length);
  const out = Buffer.alloc(length);
  for (let off = 0, i = 0; off < length; off += 32, i += 1) {
    createHash("sha256").update(`${seed}:${tag}:${i}`).digest().copy(out, off);
  }
  return out;
}

const lengths = [0, 1, 3, 55, 64, 110, 111, 112, 113, 127, 128, 129, 135, 136, 137, 200, 255, 256, 257, 300, 1000];
const blake512 = lengths.map((n) => {
  const data = bytes(n, `b${n}`);
  return { input: data.toString("hex"), output: createBlakeHash("blake512").update(data).digest("hex") };
});
const keccak = lengths.map((n) => {
  const data = bytes(n, `k${n}`);
  return { input: data.toString("hex"), output: keccak256(data).slice(2) };
});
process.stdout.write(JSON.stringify({ source: "blake-hash 2.x, ethers 6", blake512, keccak256: keccak }, null, 1) + "\n");
