// Peer for the HumanRegistry tests: the JavaScript side of the Human ID trip.
//   node human/prove.mjs '<json request>'
// request.mode "prove": {privateKey, merkleProof: {root, leaf, index, siblings}, message, scopes: [...], depth, abiPath, prover}
//   generates one Semaphore v4 proof per scope with @semaphore-protocol/proof and the official @zk-kit/semaphore-artifacts
//   (no download), verifies it with the library, and encodes verifyHuman calldata with ethers from the checked-in ABI.
// request.mode "signDelete": {privateKey, chainId, commitment}
//   the deleteIdentity message keccak256(abi.encodePacked(uint256 chainId, "delete", uint256 commitment)) >> 8, signed
//   with @semaphore-protocol/identity signMessage.
// Prints one JSON object; every bigint is a decimal string.
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { Identity } from "@semaphore-protocol/identity"
import { generateProof, verifyProof } from "@semaphore-protocol/proof"
import { Interface, solidityPackedKeccak256 } from "ethers"

const require = createRequire(import.meta.url)
const request = JSON.parse(process.argv[2])
const identity = new Identity(request.privateKey)
// snarkjs leaves worker threads alive after proving, so exit explicitly once the answer is flushed.
const out = (value) =>
    process.stdout.write(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v)), () => process.exit(0))

if (request.mode === "signDelete") {
    const message = BigInt(solidityPackedKeccak256(["uint256", "string", "uint256"], [request.chainId, "delete", request.commitment])) >> 8n
    const signature = identity.signMessage(message)
    out({ message, commitment: identity.commitment, publicKey: identity.publicKey, signature: [signature.R8[0], signature.R8[1], signature.S] })
} else {
    const artifacts = path.dirname(require.resolve("@zk-kit/semaphore-artifacts/package.json"))
    const depth = request.depth
    const merkleProof = {
        root: BigInt(request.merkleProof.root),
        leaf: BigInt(request.merkleProof.leaf),
        index: Number(request.merkleProof.index),
        siblings: request.merkleProof.siblings.map(BigInt)
    }
    const abi = new Interface(JSON.parse(fs.readFileSync(request.abiPath, "utf8")))
    const results = []
    for (const scope of request.scopes) {
        const proof = await generateProof(identity, merkleProof, BigInt(request.message), BigInt(scope), depth, {
            wasm: path.join(artifacts, `semaphore-${depth}.wasm`),
            zkey: path.join(artifacts, `semaphore-${depth}.zkey`)
        })
        const calldata = abi.encodeFunctionData("verifyHuman", [
            proof.merkleTreeDepth, proof.merkleTreeRoot, proof.nullifier, proof.message, proof.scope, proof.points, request.prover
        ])
        results.push({ proof, validInLibrary: await verifyProof(proof), calldata })
    }
    out(results)
}
