// Semaphore v4 identities, EdDSA-Poseidon signatures and Semaphore message/scope hashes computed by
// @semaphore-protocol/identity 4.14.x and @zk-kit/eddsa-poseidon.
// Usage (from tests/interop): node zk-peers/semaphore-vectors.mjs [random]
// With "random", only two identities with fresh random keys and a few messages are produced (for the live test).
import { Identity } from "@semaphore-protocol/identity";
import { packSignature, packPublicKey } from "@zk-kit/eddsa-poseidon";
import { poseidon2 } from "poseidon-lite";
import { keccak256, toBeHex, toBigInt as ethersToBigInt, encodeBytes32String } from "ethers";
import { randomBytes } from "node:crypto";

// The same two functions @semaphore-protocol/proof applies to message and scope (not exported by the package).
function semaphoreHash(value) {
  return BigInt(keccak256(toBeHex(value, 32))) >> 8n;
}
function semaphoreToBigInt(value) {
  try {
    return ethersToBigInt(value);
  } catch {
    if (typeof value === "string") return ethersToBigInt(encodeBytes32String(value));
    throw new TypeError("not convertible");
  }
}

const live = process.argv[2] === "random";
const fixedKeys = [
  { text: "secret" },
  { text: "trustchain" },
  { text: "ключ 🔑 with unicode" },
  { text: "x".repeat(300) },
  { hex: "00" },
  { hex: "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20" },
];
const keys = live ? [{ hex: randomBytes(32).toString("hex") }, { text: randomBytes(12).toString("base64") }] : fixedKeys;

const R = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const messages = live ? [BigInt("0x" + randomBytes(32).toString("hex"))] : [0n, 1n, 12345678901234567890n, R - 1n, R + 5n, (1n << 256n) - 1n];
const textMessages = live ? ["live"] : ["hello", "0x2a", "delete"];
const scopes = live ? [BigInt("0x" + randomBytes(31).toString("hex"))] : [0n, 42n, (1n << 256n) - 1n];
const textScopes = live ? ["scope"] : ["topic", "0xdeadbeef", "123", "élection 2026"];

const identities = keys.map((key) => {
  const identity = new Identity(key.text !== undefined ? key.text : Buffer.from(key.hex, "hex"));
  const signatures = [...messages, ...textMessages].map((message) => {
    const signature = identity.signMessage(message);
    return {
      message: typeof message === "bigint" ? message.toString() : undefined,
      text: typeof message === "string" ? message : undefined,
      R8: signature.R8.map(String),
      S: signature.S.toString(),
      packed: Buffer.from(packSignature(signature)).toString("hex"),
      valid: Identity.verifySignature(message, signature, identity.publicKey),
    };
  });
  const nullifiers = [...scopes, ...textScopes].map((scope) => {
    const scopeHash = semaphoreHash(semaphoreToBigInt(scope));
    return {
      scope: typeof scope === "bigint" ? scope.toString() : undefined,
      text: typeof scope === "string" ? scope : undefined,
      scopeHash: scopeHash.toString(),
      nullifier: poseidon2([scopeHash, identity.secretScalar]).toString(),
    };
  });
  return {
    ...key,
    secretScalar: identity.secretScalar.toString(),
    publicKey: identity.publicKey.map(String),
    packedPublicKey: packPublicKey(identity.publicKey).toString(),
    commitment: identity.commitment.toString(),
    signatures,
    nullifiers,
  };
});

const hashes = ["0", "1", "hello", "0xff", "31 bytes of text, exactly....!!"].map((value) => ({
  value,
  toBigInt: semaphoreToBigInt(value).toString(),
  hash: semaphoreHash(semaphoreToBigInt(value)).toString(),
}));

process.stdout.write(JSON.stringify({ source: "@semaphore-protocol/identity 4.14.3, @zk-kit/eddsa-poseidon", identities, hashes }, null, 1) + "\n");
