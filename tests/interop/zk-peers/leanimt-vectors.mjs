// LeanIMT roots, proofs and update/remove sequences computed by @zk-kit/lean-imt with poseidon-lite's poseidon2.
// Usage (from tests/interop): node zk-peers/leanimt-vectors.mjs [maxN] [seed]
// Without a seed the leaves and operations are freshly random on every run.
import { LeanIMT } from "@zk-kit/lean-imt";
import { poseidon2 } from "poseidon-lite";
import { randomBytes, createHash } from "node:crypto";

const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const maxN = Number(process.argv[2] ?? 40);
const seed = process.argv[3];
let counter = 0;
function nextBytes() {
  if (seed === undefined) return randomBytes(32);
  counter += 1;
  return createHash("sha256").update(`${seed}:${counter}`).digest();
}
const randomLeaf = () => (BigInt("0x" + nextBytes().toString("hex")) % (P - 1n)) + 1n;
const randomInt = (bound) => Number(BigInt("0x" + nextBytes().toString("hex")) % BigInt(bound));
const hash = (a, b) => poseidon2([a, b]);
const proofJson = (p) => ({ root: p.root.toString(), leaf: p.leaf.toString(), index: p.index, siblings: p.siblings.map(String) });

const trees = [];
for (let n = 1; n <= maxN; n += 1) {
  const leaves = Array.from({ length: n }, randomLeaf);
  const tree = new LeanIMT(hash, leaves);
  const indices = [...new Set([0, n - 1, n >> 1, randomInt(n)])];
  trees.push({
    n,
    leaves: leaves.map(String),
    root: tree.root.toString(),
    depth: tree.depth,
    proofs: indices.map((i) => ({ leafIndex: i, ...proofJson(tree.generateProof(i)) })),
  });
}

// Random histories of inserts, batch inserts, updates and removals (a removal sets the leaf to 0).
const histories = [];
for (let h = 0; h < 6; h += 1) {
  const tree = new LeanIMT(hash);
  const steps = [];
  for (let s = 0; s < 25; s += 1) {
    const live = tree.leaves.map((v, i) => [v, i]).filter(([v]) => v !== 0n).map(([, i]) => i);
    const kind = tree.size === 0 ? 0 : randomInt(4);
    let step;
    if (kind === 0) {
      step = { op: "insert", leaf: randomLeaf() };
      tree.insert(step.leaf);
    } else if (kind === 1) {
      step = { op: "insertMany", leaves: Array.from({ length: 1 + randomInt(9) }, randomLeaf) };
      tree.insertMany(step.leaves);
    } else if (kind === 2 && live.length > 0) {
      step = { op: "update", index: live[randomInt(live.length)], leaf: randomLeaf() };
      tree.update(step.index, step.leaf);
    } else if (live.length > 0) {
      step = { op: "remove", index: live[randomInt(live.length)] };
      tree.update(step.index, 0n);
    } else {
      continue;
    }
    const probe = randomInt(tree.size);
    steps.push({
      op: step.op,
      leaf: step.leaf?.toString(),
      leaves: step.leaves?.map(String),
      index: step.index,
      root: tree.root.toString(),
      size: tree.size,
      depth: tree.depth,
      proof: { leafIndex: probe, ...proofJson(tree.generateProof(probe)) },
    });
  }
  histories.push(steps);
}

process.stdout.write(JSON.stringify({ source: "@zk-kit/lean-imt 2.2.5 + poseidon-lite", trees, histories }, null, 1) + "\n");
