// ethers v6 WebSocketProvider against a TrustChain node: provider.on("block") (eth_subscribe newHeads),
// contract-less provider.on({address, topics}) (eth_subscribe logs), provider.on("pending") (newPendingTransactions)
// and transactions sent over the same socket. The node must run the test log contract at 0x…fff1.
// Usage: node ethers-ws.mjs ws://127.0.0.1:PORT/   Exits non-zero with a message on the first mismatch.
import { WebSocketProvider, Wallet, id, zeroPadValue, getAddress } from "ethers";

const url = process.argv[2] ?? process.env.TRUSTCHAIN_WS;
if (!url) {
  console.error("usage: node ethers-ws.mjs WS_URL");
  process.exit(2);
}

const TEST_CONTRACT = "0x000000000000000000000000000000000000fff1";
const PING_TOPIC = id("Ping(address)");
const SENDER_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

function check(condition, message) {
  if (!condition) {
    throw new Error("MISMATCH: " + message);
  }
}

function waitFor(label, predicate, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out waiting for " + label)), timeoutMs);
    predicate((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

const provider = new WebSocketProvider(url);
try {
  const network = await provider.getNetwork();
  check(network.chainId === 7357n, `chainId ${network.chainId}`);
  const wallet = new Wallet(SENDER_KEY, provider);

  const blocks = [];
  const gotBlocks = waitFor("3 block events", (done) => {
    provider.on("block", (number) => {
      blocks.push(number);
      if (blocks.length === 3) {
        done();
      }
    });
  });

  const senderTopic = zeroPadValue(wallet.address, 32);
  const logs = [];
  const gotLog = waitFor("a Ping log", (done) => {
    provider.on({ address: TEST_CONTRACT, topics: [PING_TOPIC, senderTopic] }, (log) => {
      logs.push(log);
      done(log);
    });
  });
  // A filter that must never fire: same contract, someone else's topic.
  let foreign = 0;
  await provider.on({ address: TEST_CONTRACT, topics: [PING_TOPIC, zeroPadValue("0x01", 32)] }, () => foreign++);

  const pending = new Set();
  const listeningPending = provider.on("pending", (hash) => pending.add(hash));
  await listeningPending;
  // Give the node the subscribe calls before the transaction goes out.
  await new Promise((r) => setTimeout(r, 300));

  const tx = await wallet.sendTransaction({ to: TEST_CONTRACT, data: "0x01c0ffee", gasLimit: 100000n });
  const receipt = await tx.wait(1, 20000);
  check(receipt.status === 1, "ping transaction failed");

  const log = await gotLog;
  check(log.transactionHash === tx.hash, `log tx ${log.transactionHash} != ${tx.hash}`);
  check(getAddress(log.address) === getAddress(TEST_CONTRACT), `log address ${log.address}`);
  check(log.topics[0] === PING_TOPIC && log.topics[1] === senderTopic, `log topics ${log.topics}`);
  check(log.data === "0x01c0ffee", `log data ${log.data}`);
  check(log.blockNumber === receipt.blockNumber, `log block ${log.blockNumber} != receipt ${receipt.blockNumber}`);
  check(log.removed === false, "removed must be false");

  await gotBlocks;
  for (let i = 1; i < blocks.length; i++) {
    check(blocks[i] === blocks[i - 1] + 1, `block events not consecutive: ${blocks}`);
  }
  const head = await provider.getBlock(blocks[blocks.length - 1]);
  check(head !== null && head.number === blocks[blocks.length - 1], "block event for an unknown block");

  check(pending.has(tx.hash), `pending event for ${tx.hash} missing (${[...pending]})`);
  check(foreign === 0, `foreign filter fired ${foreign} times`);
  check(logs.length === 1, `expected one Ping log, got ${logs.length}`);
  console.log(`ethers ws OK: blocks ${blocks.join(",")}, log in block ${log.blockNumber}, ${pending.size} pending`);
} catch (e) {
  console.error(e?.stack ?? String(e));
  process.exitCode = 1;
} finally {
  await provider.destroy();
}
