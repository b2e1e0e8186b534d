// Times the JavaScript peers of the ZK engine, for bench/run-zk.sh to print next to TrustChain's own figures.
// Usage: node bench/zk-peers/zk-peers.mjs --zkey F --wtns F [--imt-log2 16] [--prove-reps 3] [--verify-reps 10]
//        [--poseidon-hashes 20000]
// The packages are the ones the interop tests install (tests/interop/node_modules), loaded through their CommonJS
// builds so no second install is needed. Prints one JSON object on stdout.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"

const here = path.dirname(fileURLToPath(import.meta.url))
const interop = path.resolve(here, "..", "..", "tests", "interop")
const require = createRequire(path.join(interop, "package.json"))
const snarkjs = require("snarkjs")
const { buildPoseidon } = require("circomlibjs")
const { poseidon2 } = require("poseidon-lite")
const { LeanIMT } = require("@zk-kit/lean-imt")

const args = {}
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, "")] = process.argv[i + 1]
const zkey = args.zkey
const wtns = args.wtns
const imtLog2 = Number(args["imt-log2"] ?? 16)
const proveReps = Number(args["prove-reps"] ?? 3)
const verifyReps = Number(args["verify-reps"] ?? 10)
const poseidonHashes = Number(args["poseidon-hashes"] ?? 20000)
if (!zkey || !wtns) {
    process.stderr.write("usage: zk-peers.mjs --zkey F --wtns F [--imt-log2 N] [--prove-reps N] [--verify-reps N] [--poseidon-hashes N]\n")
    process.exit(2)
}

const load = () => os.loadavg()[0]
const nowMs = () => Number(process.hrtime.bigint()) / 1e6
const best = (xs) => Math.min(...xs)
// Process CPU time in ms: the single-threaded figures are compared as CPU time on both sides, since on a shared
// machine the wall clock also counts waiting for a core.
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }

async function timeAsync(reps, fn, clock = nowMs) {
    await fn() // warm-up: snarkjs builds its curve and thread pool on first use
    const times = []
    for (let i = 0; i < reps; i++) {
        const t = clock()
        await fn()
        times.push(clock() - t)
    }
    return times
}

const result = { loadStart: load() }

// snarkjs proves from the same .zkey and .wtns files our prover reads.
const zkeyBytes = new Uint8Array(fs.readFileSync(zkey))
const wtnsBytes = new Uint8Array(fs.readFileSync(wtns))
let proofOut
const proveTimes = await timeAsync(proveReps, async () => { proofOut = await snarkjs.groth16.prove(zkeyBytes, wtnsBytes) })
result.groth16ProveMs = best(proveTimes)
result.groth16ProveLoad = load()

const vk = await snarkjs.zKey.exportVerificationKey(zkeyBytes)
let ok = false
const quiet = { info() {}, debug() {}, warn() {}, error() {} }
const verify = async () => { ok = await snarkjs.groth16.verify(vk, proofOut.publicSignals, proofOut.proof, quiet) }
const verifyTimes = await timeAsync(verifyReps, verify)
if (!ok) throw new Error("snarkjs did not verify its own proof")
result.groth16VerifyWallMs = best(verifyTimes)
result.groth16VerifyMs = best(await timeAsync(verifyReps, verify, cpuMs))
result.groth16VerifyLoad = load()

// circomlibjs's WASM Poseidon, two inputs, chained so no call can be skipped.
const poseidon = await buildPoseidon()
let h = poseidon([1n, 2n])
for (let i = 0; i < 1000; i++) h = poseidon([h, 2n])
let t = cpuMs()
for (let i = 0; i < poseidonHashes; i++) h = poseidon([h, 2n])
result.circomlibjsPoseidon2PerSecond = poseidonHashes / ((cpuMs() - t) / 1000)
result.poseidonLoad = load()

let p = poseidon2([1n, 2n])
for (let i = 0; i < 1000; i++) p = poseidon2([p, 2n])
t = cpuMs()
const liteHashes = Math.max(1000, poseidonHashes >> 2)
for (let i = 0; i < liteHashes; i++) p = poseidon2([p, 2n])
result.poseidonLitePoseidon2PerSecond = liteHashes / ((cpuMs() - t) / 1000)

// @zk-kit/lean-imt with poseidon-lite, leaves 1..n in one insertMany (the same leaves as our run).
const leaves = Array.from({ length: 1 << imtLog2 }, (_, i) => BigInt(i + 1))
t = nowMs()
const tree = new LeanIMT((a, b) => poseidon2([a, b]))
const cpuStart = cpuMs()
tree.insertMany(leaves)
result.leanImtLog2 = imtLog2
result.leanImtSeconds = (nowMs() - t) / 1000
result.leanImtCpuSeconds = (cpuMs() - cpuStart) / 1000
result.leanImtRoot = tree.root.toString()
result.leanImtLoad = load()

process.stdout.write(JSON.stringify(result, null, 1) + "\n")
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate()
process.exit(0)
