// Usage: node zk-groth16/verify.mjs <vk.json> <proof.json> <public.json> <depth> <message> <scope>
// Checks a Groth16 proof (as written by our prover) with snarkjs groth16.verify and, through the packed Semaphore
// points, with @semaphore-protocol/proof verifyProof (which uses its bundled official verification keys).
import fs from "node:fs"
import * as snarkjs from "snarkjs"
import { verifyProof } from "@semaphore-protocol/proof"
import { packGroth16Proof } from "@zk-kit/utils/proof-packing"

const [vkPath, proofPath, publicPath, depth, message, scope] = process.argv.slice(2)
const vk = JSON.parse(fs.readFileSync(vkPath, "utf-8"))
const proof = JSON.parse(fs.readFileSync(proofPath, "utf-8"))
const publicSignals = JSON.parse(fs.readFileSync(publicPath, "utf-8"))

const silent = { debug() {}, info() {}, warn() {}, error() {} }
const snarkjsValid = await snarkjs.groth16.verify(vk, publicSignals, proof, silent)
const semaphoreValid = await verifyProof({
    merkleTreeDepth: Number(depth),
    merkleTreeRoot: publicSignals[0],
    nullifier: publicSignals[1],
    message,
    scope,
    points: packGroth16Proof(proof)
})
process.stdout.write(JSON.stringify({ snarkjsValid, semaphoreValid }))
process.exit(0)
