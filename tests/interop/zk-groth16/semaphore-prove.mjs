// Usage: node zk-groth16/semaphore-prove.mjs <depth> <outDir>
// Makes a Semaphore v4 proof with @semaphore-protocol/proof generateProof from the local official artifacts (no
// download), plus, for the same circuit input, a snarkjs .wtns (rapidsnark-style input for our prover) and the
// verification key exported from the zkey by snarkjs. Prints a JSON summary on stdout.
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import * as snarkjs from "snarkjs"
import { Identity } from "@semaphore-protocol/identity"
import { Group } from "@semaphore-protocol/group"
import { generateProof } from "@semaphore-protocol/proof"
import { keccak256, toBeHex } from "ethers"

const depth = Number(process.argv[2])
const outDir = process.argv[3]
const here = path.dirname(fileURLToPath(import.meta.url))
const artifacts = path.join(here, "..", "node_modules", "@zk-kit", "semaphore-artifacts")
const wasm = path.join(artifacts, `semaphore-${depth}.wasm`)
const zkey = path.join(artifacts, `semaphore-${depth}.zkey`)

// Same as @semaphore-protocol/proof's hash(): keccak256 of the 32-byte big-endian value, shifted right by 8 bits.
const hash = (v) => BigInt(keccak256(toBeHex(BigInt(v), 32))) >> 8n

const identity = new Identity("trustchain-groth16-interop")
// A depth-d circuit holds at most 2^d leaves.
const group = new Group(depth === 1 ? [11n, identity.commitment] : [11n, identity.commitment, 13n])
const message = 42n
const scope = 7n

const semaphoreProof = await generateProof(identity, group, message, scope, depth, { wasm, zkey })

const merkleProof = group.generateMerkleProof(1)
const siblings = [...merkleProof.siblings]
while (siblings.length < depth) siblings.push(0n)
const input = {
    secret: identity.secretScalar,
    merkleProofLength: merkleProof.siblings.length,
    merkleProofIndex: merkleProof.index,
    merkleProofSiblings: siblings,
    scope: hash(scope),
    message: hash(message)
}
fs.mkdirSync(outDir, { recursive: true })
const wtnsPath = path.join(outDir, `semaphore-${depth}.wtns`)
await snarkjs.wtns.calculate(input, wasm, wtnsPath)
const vk = await snarkjs.zKey.exportVerificationKey(zkey)
const vkPath = path.join(outDir, `semaphore-${depth}.vk.json`)
fs.writeFileSync(vkPath, JSON.stringify(vk, null, 1), "utf-8")

const publicSignals = [semaphoreProof.merkleTreeRoot, semaphoreProof.nullifier, hash(message).toString(), hash(scope).toString()]
process.stdout.write(JSON.stringify({ depth, zkey, wasm, wtnsPath, vkPath, semaphoreProof, publicSignals }, null, 1))
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate()
process.exit(0)
