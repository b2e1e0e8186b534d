// ethers v6 against a TrustChain node: chain id, balances, nonces, 50 EIP-1559 + 10 legacy transfers with
// balances checked to the wei, full blocks, ethers' own error codes, eth_feeHistory / eth_estimateGas / eth_getLogs.
// Usage: node ethers-interop.mjs http://127.0.0.1:PORT/   Exits non-zero with a message on the first mismatch.
import { JsonRpcProvider, Wallet, Transaction, isError, id, zeroPadValue } from "ethers";

const url = process.argv[2] ?? process.env.TRUSTCHAIN_RPC;
if (!url) {
  console.error("usage: node ethers-interop.mjs RPC_URL");
  process.exit(2);
}

const CHAIN_ID = 7357n;
const GENESIS_BALANCE = 10n ** 25n;
// Hardhat/anvil dev keys 1..3 (key 0 is the dev validator, which earns tips and would blur the balance sums).
const SENDER_KEYS = [
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
];
const TEST_CONTRACT = "0x000000000000000000000000000000000000fff1";

let checks = 0;
function check(condition, message) {
  if (!condition) {
    throw new Error("MISMATCH: " + message);
  }
  checks++;
}

function eq(actual, expected, message) {
  check(actual === expected, `${message}: expected ${expected}, got ${actual}`);
}

async function expectEthersError(promise, code, what) {
  try {
    await promise;
  } catch (e) {
    check(isError(e, code), `${what}: expected ethers error ${code}, got ${e.code}: ${e.shortMessage ?? e.message}`);
    return e;
  }
  throw new Error(`MISMATCH: ${what}: expected ethers error ${code}, but it succeeded`);
}

async function main() {
  // No request sharing (cacheTimeout): a "pending" nonce cached from before the previous send would be stale once
  // a dev block includes that send within ethers' default 250 ms window.
  const provider = new JsonRpcProvider(url, undefined, { staticNetwork: false, batchMaxCount: 1, cacheTimeout: -1 });
  provider.pollingInterval = 100;

  const network = await provider.getNetwork();
  eq(network.chainId, CHAIN_ID, "chainId");

  const senders = SENDER_KEYS.map((k) => new Wallet(k, provider));
  const recipients = Array.from({ length: 6 }, () => Wallet.createRandom().address);
  for (const r of recipients) {
    eq(await provider.getBalance(r), 0n, `fresh recipient ${r} balance`);
  }

  const before = new Map();
  for (const s of senders) {
    before.set(s.address, await provider.getBalance(s.address));
    check(before.get(s.address) > 0n && before.get(s.address) <= GENESIS_BALANCE, `sender ${s.address} funded`);
  }

  // Fee data goes through eth_gasPrice, eth_maxPriorityFeePerGas and the latest block's baseFeePerGas.
  const fee = await provider.getFeeData();
  check(fee.maxFeePerGas !== null && fee.maxPriorityFeePerGas !== null && fee.gasPrice !== null, "getFeeData fills EIP-1559 fields");
  const latest = await provider.getBlock("latest");
  check(latest.baseFeePerGas >= 1_000_000_000n, "baseFeePerGas is at least the 1 gwei floor");

  const nonces = [];
  for (const s of senders) {
    const latestNonce = await provider.getTransactionCount(s.address, "latest");
    const pendingNonce = await provider.getTransactionCount(s.address, "pending");
    eq(pendingNonce, latestNonce, `pending nonce of idle ${s.address}`);
    nonces.push(latestNonce);
  }

  const sent = [];
  const expectedValue = new Map(recipients.map((r) => [r, 0n]));
  for (let i = 0; i < 60; i++) {
    const k = i % senders.length;
    const to = recipients[i % recipients.length];
    const value = 1_000_000_000_000n + BigInt(i);
    const request = i < 50
      ? { type: 2, to, value, nonce: nonces[k]++, gasLimit: 21000n, maxFeePerGas: fee.maxFeePerGas, maxPriorityFeePerGas: fee.maxPriorityFeePerGas, chainId: CHAIN_ID }
      : { type: 0, to, value, nonce: nonces[k]++, gasLimit: 21000n, gasPrice: fee.gasPrice, chainId: CHAIN_ID };
    const response = await senders[k].sendTransaction(request);
    sent.push({ response, from: senders[k].address, to, value, type: request.type });
    expectedValue.set(to, expectedValue.get(to) + value);
  }

  for (let k = 0; k < senders.length; k++) {
    eq(await provider.getTransactionCount(senders[k].address, "pending"), nonces[k], `pending nonce after sending (${senders[k].address})`);
  }

  const receipts = await Promise.all(sent.map((s) => s.response.wait(1, 60_000)));
  console.log(`stage: ${receipts.length} transfers mined`);
  const spent = new Map(senders.map((s) => [s.address, 0n]));
  const blocks = new Set();
  for (let i = 0; i < receipts.length; i++) {
    const r = receipts[i];
    const s = sent[i];
    eq(r.status, 1, `receipt ${i} status`);
    eq(r.hash, s.response.hash, `receipt ${i} hash`);
    eq(r.from, s.from, `receipt ${i} from`);
    eq(r.to, s.to, `receipt ${i} to`);
    eq(r.gasUsed, 21000n, `receipt ${i} gasUsed`);
    eq(r.type, s.type, `receipt ${i} type`);
    eq(r.contractAddress, null, `receipt ${i} contractAddress`);
    check(r.gasPrice > 0n, `receipt ${i} effectiveGasPrice`);
    spent.set(s.from, spent.get(s.from) + s.value + r.gasUsed * r.gasPrice);
    blocks.add(r.blockNumber);
  }

  for (const s of senders) {
    eq(await provider.getBalance(s.address), before.get(s.address) - spent.get(s.address), `sender ${s.address} balance to the wei`);
    eq(await provider.getTransactionCount(s.address, "latest"), nonces[senders.indexOf(s)], `sender ${s.address} nonce`);
  }
  for (const r of recipients) {
    eq(await provider.getBalance(r), expectedValue.get(r), `recipient ${r} balance`);
  }

  for (const number of blocks) {
    const block = await provider.getBlock(number, true);
    check(block !== null, `block ${number} exists`);
    eq(block.prefetchedTransactions.length, block.transactions.length, `block ${number} prefetched transactions`);
    check(block.timestamp > 1_700_000_000 && block.timestamp < 10_000_000_000, `block ${number} timestamp is in seconds (${block.timestamp})`);
    eq(block.miner.toLowerCase(), "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", `block ${number} miner`);
    for (let i = 0; i < block.prefetchedTransactions.length; i++) {
      const tx = block.prefetchedTransactions[i];
      eq(tx.hash, block.transactions[i], `block ${number} tx ${i} hash`);
      eq(tx.blockNumber, number, `block ${number} tx ${i} blockNumber`);
      eq(tx.index, i, `block ${number} tx ${i} index`);
      const mine = sent.find((s) => s.response.hash === tx.hash);
      if (mine) {
        eq(tx.from, mine.from, `tx ${tx.hash} from`);
        eq(tx.value, mine.value, `tx ${tx.hash} value`);
        // ethers recomputes the hash from the returned fields and signature: they must be exact.
        eq(Transaction.from(tx).hash, tx.hash, `tx ${tx.hash} re-serialises to the same hash`);
      }
    }
  }

  const one = await provider.getTransaction(sent[0].response.hash);
  eq(one.chainId, CHAIN_ID, "getTransaction chainId");
  eq((await provider.getTransactionReceipt("0x" + "ab".repeat(32))), null, "unknown receipt is null");
  eq((await provider.getBlock(10_000_000)), null, "unknown block is null");

  // ethers' own error classification of node errors.
  const stale = { type: 2, to: recipients[0], value: 1n, nonce: 0, gasLimit: 21000n, maxFeePerGas: fee.maxFeePerGas, maxPriorityFeePerGas: fee.maxPriorityFeePerGas, chainId: CHAIN_ID };
  await expectEthersError(senders[0].sendTransaction(stale), "NONCE_EXPIRED", "nonce too low");
  const pauper = Wallet.createRandom().connect(provider);
  const unaffordable = { type: 2, to: recipients[0], value: 1n, nonce: 0, gasLimit: 21000n, maxFeePerGas: fee.maxFeePerGas, maxPriorityFeePerGas: fee.maxPriorityFeePerGas, chainId: CHAIN_ID };
  await expectEthersError(pauper.sendTransaction(unaffordable), "INSUFFICIENT_FUNDS", "insufficient funds");

  // eth_estimateGas
  eq(await provider.estimateGas({ from: senders[0].address, to: recipients[1], value: 5n }), 21000n, "estimateGas of a transfer");

  // eth_feeHistory
  // Blocks keep coming while the script runs: bracket the call with raw eth_blockNumber reads (ethers caches its own).
  const headBefore = Number(await provider.send("eth_blockNumber", []));
  const history = await provider.send("eth_feeHistory", ["0x4", "latest", [25, 75]]);
  const headAfter = Number(await provider.send("eth_blockNumber", []));
  const count = Math.min(4, headBefore + 1);
  eq(history.baseFeePerGas.length, count + 1, "feeHistory baseFeePerGas entries");
  eq(history.gasUsedRatio.length, count, "feeHistory gasUsedRatio entries");
  eq(history.reward.length, count, "feeHistory reward entries");
  check(history.reward.every((r) => r.length === 2 && r.every((x) => /^0x([1-9a-f][0-9a-f]*|0)$/.test(x))), "feeHistory rewards are quantities");
  const newest = Number(history.oldestBlock) + count - 1;
  check(newest >= headBefore && newest <= headAfter, `feeHistory covers the latest block: newest ${newest}, head ${headBefore}..${headAfter}`);

  // eth_getLogs: emit logs through the test system contract when the node has it.
  if ((await provider.getCode(TEST_CONTRACT)) !== "0x") {
    const topic = id("Ping(address)");
    const ping = await senders[0].sendTransaction({ to: TEST_CONTRACT, data: "0x01ff", gasLimit: 60000n, chainId: CHAIN_ID });
    const receipt = await ping.wait(1, 60_000).catch(async (e) => {
      const raw = await provider.send("eth_getTransactionReceipt", [ping.hash]).catch((err) => String(err));
      throw new Error(`MISMATCH: ping ${ping.hash} receipt not seen by ethers (${e.shortMessage}); node receipt ${JSON.stringify(raw)}`);
    });
    eq(receipt.logs.length, 1, "ping receipt logs");
    const logs = await provider.getLogs({ address: TEST_CONTRACT, topics: [topic, zeroPadValue(senders[0].address, 32)], fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber });
    eq(logs.length, 1, "getLogs finds the ping");
    eq(logs[0].transactionHash, ping.hash, "log transactionHash");
    eq(logs[0].blockHash, receipt.blockHash, "log blockHash");
    eq(logs[0].data, "0x01ff", "log data");
    eq(logs[0].index, receipt.logs[0].index, "log index agrees with the receipt");
  } else {
    const logs = await provider.getLogs({ fromBlock: Math.max(0, headAfter - 50), toBlock: "latest" });
    check(Array.isArray(logs), "getLogs returns an array");
  }

  provider.destroy();
  console.log(`ethers interop OK: ${checks} checks, ${sent.length} transfers in ${blocks.size} blocks`);
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
