// Usage: node zk-circuit/check.mjs <circuit.r1cs> <pot.ptau> <circuit.zkey> <proof.json> <public.json> <ourVk.json>
// Runs, on files written by TrustChain's native circuit and setup: snarkjs r1cs info, zkey verify (r1cs + ptau +
// zkey), zkey export verificationkey, and groth16 verify of our proof with snarkjs's exported key and with ours,
// plus once with a tampered public signal. Prints one JSON object.
import fs from "node:fs"
import * as snarkjs from "snarkjs"

const [r1csPath, ptauPath, zkeyPath, proofPath, publicPath, ourVkPath] = process.argv.slice(2)
const silent = { debug() {}, info() {}, warn() {}, error() {} }
const errors = []
const logger = { ...silent, error(m) { errors.push(String(m)) } }

const info = await snarkjs.r1cs.info(r1csPath, silent)
const zkeyValid = await snarkjs.zKey.verifyFromR1cs(r1csPath, ptauPath, zkeyPath, logger)
const vk = await snarkjs.zKey.exportVerificationKey(zkeyPath, silent)
const ourVk = JSON.parse(fs.readFileSync(ourVkPath, "utf-8"))
const proof = JSON.parse(fs.readFileSync(proofPath, "utf-8"))
const publicSignals = JSON.parse(fs.readFileSync(publicPath, "utf-8"))
const validWithExportedVk = await snarkjs.groth16.verify(vk, publicSignals, proof, silent)
const validWithOurVk = await snarkjs.groth16.verify(ourVk, publicSignals, proof, silent)
const tampered = [...publicSignals]
tampered[1] = (BigInt(tampered[1]) + 1n).toString()
const validTampered = await snarkjs.groth16.verify(vk, tampered, proof, silent)

const str = (v) => typeof v === "bigint" ? v.toString() : Array.isArray(v) ? v.map(str) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, str(x)])) : v
process.stdout.write(JSON.stringify({
    r1cs: { nVars: info.nVars, nConstraints: info.nConstraints, nOutputs: info.nOutputs, nPubInputs: info.nPubInputs, nPrvInputs: info.nPrvInputs, nLabels: str(info.nLabels) },
    zkeyValid: zkeyValid !== false, zkeyErrors: errors,
    exportedVk: str(vk),
    validWithExportedVk, validWithOurVk, validTampered
}))
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate()
process.exit(0)
