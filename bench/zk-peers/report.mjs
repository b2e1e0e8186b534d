// Prints the side-by-side table for bench/run-zk.sh from the two JSON files (ours, peers).
import fs from "node:fs"

const [oursPath, peersPath] = process.argv.slice(2)
const ours = JSON.parse(fs.readFileSync(oursPath, "utf-8"))
const peers = JSON.parse(fs.readFileSync(peersPath, "utf-8"))
const f = (x, d = 1) => (x === undefined ? "—" : Number(x).toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d }))

const rows = []
// For times the ratio is peer/ours (how many times faster we are); for rates it is ours/peer.
const time = (what, o, p, load, target) => rows.push([what, o, p, o && p ? `${f(p / o, 2)}×` : "—", load, target])
const rate = (what, o, p, load, target) => rows.push([what, o, p, o && p ? `${f(o / p, 2)}×` : "—", load, target])

time(`Groth16 prove, Semaphore (.zkey+.wtns), wall ms (both multi-threaded)`, ours.groth16ProveMs, peers.groth16ProveMs, `${ours.groth16Load} / ${peers.groth16ProveLoad}`, "≥ 5×")
time("Groth16 verify, CPU ms (snarkjs wall " + f(peers.groth16VerifyWallMs, 1) + ")", ours.groth16VerifyMs, peers.groth16VerifyMs, `${ours.groth16Load} / ${peers.groth16VerifyLoad}`, "≥ 8×")
rate("Poseidon(2) single hash, hashes/s CPU time (circomlibjs WASM)", ours.poseidon2PerSecond, peers.circomlibjsPoseidon2PerSecond, `${ours.kernelsLoad} / ${peers.poseidonLoad}`, "≥ 4×")
rate("Poseidon(2) batch (Hash2Many), hashes/s CPU time (circomlibjs WASM)", ours.poseidon2BatchPerSecond, peers.circomlibjsPoseidon2PerSecond, `${ours.kernelsLoad} / ${peers.poseidonLoad}`, "≥ 4×")
time(`LeanIMT 2^${ours.leanImtLog2} insertMany, wall s (ours on 2 cores; lean-imt + poseidon-lite)`, ours.leanImtSeconds, peers.leanImtSeconds, `${ours.leanImtLoad} / ${peers.leanImtLoad}`, "≥ 10×")
time(`LeanIMT 2^${ours.leanImtLog2} insertMany, CPU s`, ours.leanImtCpuSeconds, peers.leanImtCpuSeconds, `${ours.leanImtLoad} / ${peers.leanImtLoad}`, "")

console.log("| measure | TrustChain | JS peer | ratio | load (ours / peer) | target |")
console.log("|---|---|---|---|---|---|")
for (const [what, o, p, ratio, load, target] of rows) console.log(`| ${what} | ${f(o, 3)} | ${f(p, 3)} | ${ratio} | ${load} | ${target} |`)
console.log()
console.log(`LeanIMT roots equal: ${ours.leanImtRoot === peers.leanImtRoot} (${ours.leanImtRoot})`)
console.log()
console.log("TrustChain kernels (single-thread CPU time unless noted):")
for (const k of ["fqMulNs", "frMulNs", "fq2MulNs", "fq12MulNs", "g1MulUs", "g2MulUs", "pairingCheck4Ms", "ntt14Ms", "msm13Ms", "msm16Ms"]) {
  if (ours[k] !== undefined) console.log(`  ${k}: ${f(ours[k], 2)}`)
}
console.log(`  (MSM is wall-clock on all cores; load at the kernels ${ours.kernelsLoad}, at the MSMs ${ours.msmLoad})`)
