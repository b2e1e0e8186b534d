// Shared helpers of the registry end-to-end scripts: dev keys, the system contracts with their JSON ABIs from the
// repo, assertions, and revert-reason checks through ethers' own error objects.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Contract, JsonRpcProvider, Wallet, isError } from "ethers";

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = join(here, "..", "..", "..");
const ABI_DIR = join(REPO, "node", "TrustChain.Chain", "SystemContracts", "Abi");

export const STAKING = "0x0000000000000000000000000000000000001000";
export const CREDENTIALS = "0x0000000000000000000000000000000000001002";
export const MODELS = "0x0000000000000000000000000000000000001003";
export const TRUST = 10n ** 18n;
export const Role = { Validator: 0, EnrollmentOperator: 1, Issuer: 2, Prover: 3, ModelHost: 4 };

// Hardhat/anvil dev keys 0..9, funded by genesis.json (DEV-ONLY, public).
export const DEV_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
  "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
];

export function connect(url) {
  // ethers shares identical requests made within cacheTimeout (250 ms by default). Dev blocks can include a
  // transaction faster than that, so a cached "pending" nonce from before the last send would be reused.
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: true, batchMaxCount: 1, pollingInterval: 100, cacheTimeout: -1 });
  const wallets = DEV_KEYS.map((k) => new Wallet(k, provider));
  return { provider, wallets };
}

export function abi(name) {
  return JSON.parse(readFileSync(join(ABI_DIR, name + ".json"), "utf8"));
}

export function contract(address, name, runner) {
  return new Contract(address, abi(name), runner);
}

let checks = 0;
export function check(condition, message) {
  if (!condition) {
    throw new Error("MISMATCH: " + message);
  }
  checks++;
}

export function eq(actual, expected, message) {
  check(actual === expected, `${message}: expected ${expected}, got ${actual}`);
}

export function checkCount() {
  return checks;
}

/** Awaits a call/transaction that must revert; its reason must contain `fragment`. */
export async function expectRevert(promise, fragment, what) {
  try {
    await promise;
  } catch (e) {
    const reason = e.reason ?? e.info?.error?.message ?? e.shortMessage ?? e.message;
    check(isError(e, "CALL_EXCEPTION") || /revert/i.test(String(reason)), `${what}: expected a revert, got ${e.code}: ${e.message}`);
    check(String(reason).includes(fragment), `${what}: revert reason "${reason}" does not contain "${fragment}"`);
    return reason;
  }
  throw new Error(`MISMATCH: ${what}: expected a revert with "${fragment}", but it succeeded`);
}

/**
 * Sends and waits; returns [receipt, wei spent on gas]. Also waits until "latest" is at least the receipt's block:
 * the node can answer a receipt a moment before its head (and so "latest" state) moves to that block.
 */
export async function mined(txPromise) {
  const tx = await txPromise;
  const receipt = await tx.wait();
  check(receipt.status === 1, `transaction ${tx.hash} failed`);
  await untilBlock(tx.provider ?? receipt.provider, receipt.blockNumber);
  return [receipt, receipt.gasUsed * receipt.gasPrice];
}

export async function untilBlock(provider, blockNumber) {
  while ((await provider.getBlockNumber()) < blockNumber) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function events(contractInstance, receipt, name) {
  const out = [];
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== contractInstance.target.toLowerCase()) continue;
    const parsed = contractInstance.interface.parseLog(log);
    if (parsed?.name === name) out.push(parsed);
  }
  return out;
}
