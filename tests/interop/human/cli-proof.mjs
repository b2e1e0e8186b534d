// Makes a Human ID proof for a `trustchain human new-identity` file with the official Semaphore v4 tooling:
//   node human/cli-proof.mjs RPC_URL IDENTITY_FILE SCOPE MESSAGE OUT_FILE
// Fetches trust_getMerkleProof for the identity's commitment, runs @semaphore-protocol/proof generateProof with the
// @zk-kit/semaphore-artifacts wasm/zkey (nothing downloads) and writes the proof JSON that `trustchain human verify`
// reads (Semaphore's proof shape, bigints as decimal strings). Exits 2 when the identity is not a live member.
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { Identity } from "@semaphore-protocol/identity"
import { generateProof, verifyProof } from "@semaphore-protocol/proof"

const [rpc, identityFile, scope, message, outFile] = process.argv.slice(2)
const require = createRequire(import.meta.url)
const identity = Identity.import(JSON.parse(fs.readFileSync(identityFile, "utf8")).privateKey)

const response = await fetch(rpc, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "trust_getMerkleProof", params: [identity.commitment.toString()] })
})
const { result, error } = await response.json()
if (error) throw new Error(`trust_getMerkleProof: ${error.message}`)
if (result === null) {
    console.error(`commitment ${identity.commitment} is not a live member of the human set`)
    process.exit(2)
}

const merkleProof = { root: BigInt(result.root), leaf: BigInt(result.leaf), index: result.index, siblings: result.siblings.map(BigInt) }
const depth = Math.max(1, merkleProof.siblings.length)
const artifacts = path.dirname(require.resolve("@zk-kit/semaphore-artifacts/package.json"))
const proof = await generateProof(identity, merkleProof, message, scope, depth, {
    wasm: path.join(artifacts, `semaphore-${depth}.wasm`),
    zkey: path.join(artifacts, `semaphore-${depth}.zkey`)
})
if (!(await verifyProof(proof))) throw new Error("the Semaphore library rejects its own proof")
fs.writeFileSync(outFile, JSON.stringify(proof, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2))
// snarkjs leaves worker threads alive after proving, so exit explicitly once the answer is flushed.
process.stdout.write(`proof=${outFile}\nroot=${proof.merkleTreeRoot}\nnullifier=${proof.nullifier}\n`, () => process.exit(0))
