// Independent reference values for the ModelRegistry tests, computed with ethers v6:
// EIP-712 digests (TypedDataEncoder.hash) and signatures (Wallet.signTypedData) of the Usage and Response
// messages, the human-proof scope, and a fingerprint set + Merkle root built from the definitions in
// KeccakMerkleTree / FingerprintSet (written here from the spec, not from the C# code).
// Run: node tests/interop/models/vectors.mjs
import { ethers } from "ethers";

const chainId = 7357n;
const verifyingContract = "0x0000000000000000000000000000000000001003";
const domain = { name: "TrustChain ModelRegistry", version: "1", chainId, verifyingContract };
const usageTypes = { Usage: [
  { name: "modelId", type: "uint256" }, { name: "host", type: "address" }, { name: "cumulativeCalls", type: "uint256" }] };
const responseTypes = { Response: [
  { name: "modelId", type: "uint256" }, { name: "key", type: "bytes32" }, { name: "response", type: "bytes32" }] };

// Hardhat account #4 (funded in genesis.json) signs as the user; #3 as the host.
const user = new ethers.Wallet("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
const host = new ethers.Wallet("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
const usage = { modelId: 1n, host: host.address, cumulativeCalls: 60n };
const key = ethers.keccak256(ethers.toUtf8Bytes("key"));
const resp = ethers.keccak256(ethers.toUtf8Bytes("response"));
const response = { modelId: 2n, key, response: resp };

function fingerprints(seed, count) {
  const pairs = [];
  for (let i = 0; i < count; i++) {
    pairs.push({
      key: ethers.solidityPackedKeccak256(["string", "bytes32", "uint32"], ["TrustChain fingerprint key", seed, i]),
      response: ethers.solidityPackedKeccak256(["string", "bytes32", "uint32"], ["TrustChain fingerprint response", seed, i]),
    });
  }
  return pairs;
}

function merkleRoot(leaves) {
  let depth = 0;
  while ((1 << depth) < leaves.length) depth++;
  let row = leaves.concat(Array((1 << depth) - leaves.length).fill(ethers.ZeroHash));
  while (row.length > 1) {
    const next = [];
    for (let i = 0; i < row.length; i += 2) {
      const [a, b] = BigInt(row[i]) <= BigInt(row[i + 1]) ? [row[i], row[i + 1]] : [row[i + 1], row[i]];
      next.push(ethers.keccak256(ethers.concat([a, b])));
    }
    row = next;
  }
  return row[0];
}

const seed = ethers.keccak256(ethers.toUtf8Bytes("trustchain model test seed"));
const out = {
  userAddress: user.address,
  hostAddress: host.address,
  domainSeparator: ethers.TypedDataEncoder.hashDomain(domain),
  usageDigest: ethers.TypedDataEncoder.hash(domain, usageTypes, usage),
  usageSignature: await user.signTypedData(domain, usageTypes, usage),
  responseDigest: ethers.TypedDataEncoder.hash(domain, responseTypes, response),
  responseSignature: await host.signTypedData(domain, responseTypes, response),
  humanScope7: BigInt(ethers.solidityPackedKeccak256(["string", "uint256"], ["model", 7n])).toString(),
  seed,
};
for (const count of [1, 3, 5, 256]) {
  const pairs = fingerprints(seed, count);
  out[`fingerprint${count}`] = { firstKey: pairs[0].key, lastResponse: pairs[count - 1].response,
    root: merkleRoot(pairs.map(p => ethers.solidityPackedKeccak256(["bytes32", "bytes32"], [p.key, p.response]))) };
}
console.log(JSON.stringify(out, null, 2));
