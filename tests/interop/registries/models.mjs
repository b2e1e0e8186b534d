// ModelRegistry end to end: ethers v6 with the repo's JSON ABI, and the `trustchain model` CLI (fingerprint, register,
// prove-owner, authorize-host, buy, serve, settle) run as child processes. A model owner registers a model with 256
// fingerprints, authorises a host, a user buys 100 calls, the host serves 60 over HTTP (`model serve`) and settles,
// the payment splits to the wei; replayed, lower and foreign settlements revert; an unauthorised host serving the model
// is reported with its own signed answer and slashed; a copy registered later is struck in the challenge window.
// Usage: TRUSTCHAIN_DLL=path/to/trustchain.dll WORKDIR=tmpdir node models.mjs RPC_URL
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ethers } from "ethers";
import { connect, contract, check, eq, checkCount, expectRevert, mined, events, untilBlock, DEV_KEYS, STAKING, MODELS, TRUST, Role } from "./common.mjs";

const url = process.argv[2] ?? process.env.TRUSTCHAIN_RPC;
const dll = process.env.TRUSTCHAIN_DLL;
const work = process.env.WORKDIR;
if (!url || !dll || !work) {
  console.error("usage: TRUSTCHAIN_DLL=... WORKDIR=... node models.mjs RPC_URL");
  process.exit(2);
}

const { provider, wallets } = connect(url);
const [, owner1, owner2, host, user, rogueHost, , copier, copierHost, reporter] = wallets;
const staking = contract(STAKING, "Staking", provider);
const registry = contract(MODELS, "ModelRegistry", provider);
const CHAIN_ID = (await provider.getNetwork()).chainId;
const domain = { name: "TrustChain ModelRegistry", version: "1", chainId: CHAIN_ID, verifyingContract: MODELS };
const USAGE = { Usage: [{ name: "modelId", type: "uint256" }, { name: "host", type: "address" }, { name: "cumulativeCalls", type: "uint256" }] };
const RESPONSE = { Response: [{ name: "modelId", type: "uint256" }, { name: "key", type: "bytes32" }, { name: "response", type: "bytes32" }] };
const PRICE = 1_000_000_000_000_001n; // odd, so the floors and the first owner's dust matter
const summary = {};
const servers = [];

function cli(...args) {
  try {
    return execFileSync("dotnet", [dll, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    throw new Error(`trustchain ${args.join(" ")} exited with ${e.status}: ${e.stderr}${e.stdout}`);
  }
}

/** A CLI command that sends a transaction; waits until "latest" includes its block. */
async function cliTx(...args) {
  const output = cli(...args);
  const block = /block=(\d+)/.exec(output);
  if (block) await untilBlock(provider, Number(block[1]));
  return output;
}

function value(output, key) {
  const line = output.split("\n").find((l) => l.startsWith(key + "="));
  if (!line) throw new Error(`no ${key}= in CLI output:\n${output}`);
  return line.slice(key.length + 1);
}

function keyFile(wallet, name) {
  const path = join(work, name);
  writeFileSync(path, wallet.privateKey + "\n", { mode: 0o600 });
  return path;
}

/** `trustchain model serve` as a child process; resolves with its URL once it listens. */
function serve(args) {
  return new Promise((resolve, reject) => {
    const child = spawn("dotnet", [dll, "model", "serve", "--rpc", url, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    servers.push(child);
    let log = "";
    const timer = setTimeout(() => reject(new Error("model serve did not start within 30 s:\n" + log)), 30_000);
    const onData = (chunk) => {
      log += chunk;
      const match = /Model host listening on (\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child, log: () => log });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => { log += chunk; });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`model serve exited with ${code}:\n${log}`)); });
  });
}

/** One paid call: the caller signs Usage(modelId, host, cumulativeCalls) and posts it with the input. */
async function invoke(server, hostAddress, modelId, caller, cumulativeCalls, input, signer = caller) {
  const signature = await signer.signTypedData(domain, USAGE, { modelId, host: hostAddress, cumulativeCalls });
  const res = await fetch(server.url + "invoke", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: caller.address, input, cumulativeCalls, signature }),
  });
  return { status: res.status, body: await res.json(), usageSignature: signature };
}

// The fingerprint tree exactly as DESIGN/KeccakMerkleTree define it, written here from the spec: leaves
// keccak256(key ‖ response), padded with zero words to a power of two, parents keccak256(min ‖ max).
function merkle(pairs) {
  const leaves = pairs.map((p) => ethers.solidityPackedKeccak256(["bytes32", "bytes32"], [p.key, p.response]));
  let depth = 0;
  while ((1 << depth) < leaves.length) depth++;
  const levels = [leaves.concat(Array((1 << depth) - leaves.length).fill(ethers.ZeroHash))];
  for (let d = 0; d < depth; d++) {
    const below = levels[d];
    const above = [];
    for (let i = 0; i < below.length; i += 2) {
      const [a, b] = BigInt(below[i]) <= BigInt(below[i + 1]) ? [below[i], below[i + 1]] : [below[i + 1], below[i]];
      above.push(ethers.solidityPackedKeccak256(["bytes32", "bytes32"], [a, b]));
    }
    levels.push(above);
  }
  const proof = (index) => levels.slice(0, depth).map((row, d) => row[(index >> d) ^ 1]);
  return { root: levels[depth][0], proof };
}

function split(amount, ownerBps, hostBps, validatorBps) {
  const owners = ownerBps.map((b) => amount * b / 10000n);
  const hostShare = amount * hostBps / 10000n;
  const validators = amount * validatorBps / 10000n;
  owners[0] += amount - owners.reduce((a, b) => a + b, 0n) - hostShare - validators;
  return { owners, host: hostShare, validators };
}

async function main() {
  // 1. Fingerprints: the CLI writes the owner's secret file (mode 600) and prints the root, which we recompute from the pairs.
  const fpPath = join(work, "model1.fingerprints.json");
  const fpOut = cli("model", "fingerprint", "--count", "256", "--out", fpPath);
  eq(statSync(fpPath).mode & 0o777, 0o600, "fingerprint file mode");
  const fp = JSON.parse(readFileSync(fpPath, "utf8"));
  eq(fp.fingerprints.length, 256, "fingerprints in the file");
  const tree = merkle(fp.fingerprints);
  eq(value(fpOut, "root"), tree.root, "printed root equals the root rebuilt in JavaScript");

  // 2. Hosts stake ModelHost.
  const minHost = await staking.minimumStake(Role.ModelHost);
  for (const h of [host, rogueHost, copierHost]) {
    await mined(staking.connect(h).stake(Role.ModelHost, { value: minHost }));
  }

  // 3. Register with the CLI: owners 60.01 % / 14.99 %, host 15 %, validators 10 %.
  const weights1 = ethers.id("model-1 weights");
  const registerOut = await cliTx("model", "register", "--rpc", url, "--dev-account", "1", "--weights-hash", weights1, "--fingerprints", fpPath,
    "--price", PRICE.toString(), "--owner", `${owner1.address}:6001`, "--owner", `${owner2.address}:1499`, "--host-bps", "1500",
    "--validator-bps", "1000", "--uri", "ipfs://model-1");
  const modelId = BigInt(value(registerOut, "modelId"));
  const model = await registry.getModel(modelId);
  eq(model.fingerprintRoot, tree.root, "registered root");
  eq(model.fingerprintCount, 256n, "registered count");
  eq(model.pricePerCall, PRICE, "registered price");
  eq(model.owners.join(), [owner1.address, owner2.address].join(), "registered owners");
  await expectRevert(registry.connect(owner1).registerModel.staticCall(weights1, tree.root, 256, "", PRICE, [owner1.address], [9000], 500, 500, false),
    "already registered", "same weights twice");
  await expectRevert(registry.connect(owner1).registerModel.staticCall(ethers.id("x"), tree.root, 256, "", PRICE, [owner1.address], [9000], 500, 400, false),
    "10000", "shares not adding up");

  // 4. Ownership proofs: the CLI's eth_call and a proof built in JavaScript.
  const proveOut = cli("model", "prove-owner", "--rpc", url, "--fingerprints", fpPath, "--model", modelId.toString(), "--index", "17");
  eq(value(proveOut, "owner"), "proven", "prove-owner");
  check(await registry.proveOwnership(modelId, fp.fingerprints[200].key, fp.fingerprints[200].response, tree.proof(200)), "JS proof of fingerprint 200");
  check(!(await registry.proveOwnership(modelId, fp.fingerprints[200].key, ethers.id("wrong"), tree.proof(200))), "a wrong response is not proven");

  // 5. Owner 1 (60.01 % ≥ 50 %) authorises the host alone; a stranger cannot.
  await expectRevert(registry.connect(user).authorizeHost.staticCall(modelId, host.address), "is not an owner", "authorise by a stranger");
  const authOut = await cliTx("model", "authorize-host", "--rpc", url, "--dev-account", "1", "--model", modelId.toString(), "--host", host.address);
  eq(value(authOut, "authorized"), "true", "authorize-host");
  check(await registry.isHostAuthorized(modelId, host.address), "host authorised on chain");

  // 6. The user buys 100 calls with the CLI (exactly 100 × price goes to escrow).
  await expectRevert(registry.connect(user).buyAccess.staticCall(modelId, 100, { value: PRICE * 100n - 1n }), "needs exactly", "underpaid access");
  const buyOut = await cliTx("model", "buy", "--rpc", url, "--dev-account", "4", "--model", modelId.toString(), "--calls", "100");
  eq(BigInt(value(buyOut, "paid")), PRICE * 100n, "paid for 100 calls");
  const [bought, , escrow] = await registry.getAccess(modelId, user.address);
  eq(bought, 100n, "calls bought");
  eq(escrow, PRICE * 100n, "escrow");

  // 7. The host serves 60 calls; every answer is signed by the host as Response(modelId, key, response).
  const receiptsPath = join(work, "host.receipts.json");
  const hostServer = await serve(["--model", modelId.toString(), "--host-key", keyFile(host, "host.key"), "--fingerprints", fpPath, "--receipts", receiptsPath]);
  for (let n = 1; n <= 60; n++) {
    const fingerprint = n % 6 === 0 ? fp.fingerprints[n] : null;
    const input = fingerprint ? fingerprint.key : ethers.hexlify(ethers.toUtf8Bytes(`prompt ${n}`));
    const { status, body } = await invoke(hostServer, host.address, modelId, user, n, input);
    eq(status, 200, `call ${n} status (${JSON.stringify(body)})`);
    eq(BigInt(body.cumulativeCalls), BigInt(n), `call ${n} count`);
    eq(body.key, fingerprint ? fingerprint.key : ethers.keccak256(input), `call ${n} key commitment`);
    if (fingerprint) eq(body.output, fingerprint.response, `call ${n} answers its fingerprint`);
    eq(body.response, ethers.dataLength(body.output) === 32 ? body.output : ethers.keccak256(body.output), `call ${n} response commitment`);
    eq(ethers.verifyTypedData(domain, RESPONSE, { modelId, key: body.key, response: body.response }, body.signature), host.address, `call ${n} host signature`);
  }
  // Refused: a replayed count, a signature by someone else, and a call beyond what was bought.
  const replay = await invoke(hostServer, host.address, modelId, user, 60, "0x01");
  eq(replay.status, 409, "replayed call count refused");
  const forged = await invoke(hostServer, host.address, modelId, user, 61, "0x01", reporter);
  eq(forged.status, 401, "call signed by another key refused");
  const stranger = await invoke(hostServer, host.address, modelId, reporter, 1, "0x01");
  eq(stranger.status, 402, "caller without access refused");

  // 8. The host settles with the CLI from the receipt book; the split lands to the wei.
  const settleOut = cli("model", "settle", "--rpc", url, "--receipts", receiptsPath, "--host-key", join(work, "host.key"));
  const settleTx = /tx=(0x[0-9a-f]{64})/.exec(settleOut)[1];
  const settleReceipt = await provider.getTransactionReceipt(settleTx);
  await untilBlock(provider, settleReceipt.blockNumber);
  const amount = PRICE * 60n;
  const totals = /settlements=(\d+) total=(\d+)/.exec(settleOut);
  eq(totals[1], "1", "one settlement");
  eq(BigInt(totals[2]), amount, "settled amount");
  const parts = split(amount, [6001n, 1499n], 1500n, 1000n);
  const b = settleReceipt.blockNumber;
  const gas = settleReceipt.gasUsed * settleReceipt.gasPrice;
  const delta = async (address) => (await provider.getBalance(address, b)) - (await provider.getBalance(address, b - 1));
  eq(await delta(owner1.address), parts.owners[0], "owner 1 share (with the dust)");
  eq(await delta(owner2.address), parts.owners[1], "owner 2 share");
  eq(await delta(host.address), parts.host - gas, "host share minus its gas");
  eq(await delta(MODELS), -amount, "escrow paid out of the registry");
  eq((await staking.rewardPool(Role.Validator, { blockTag: b })) - (await staking.rewardPool(Role.Validator, { blockTag: b - 1 })), parts.validators, "validators' share");
  const [, settled, escrowLeft] = await registry.getAccess(modelId, user.address);
  eq(settled, 60n, "calls settled");
  eq(escrowLeft, PRICE * 40n, "escrow left");
  summary.split = { amount: amount.toString(), owner1: parts.owners[0].toString(), owner2: parts.owners[1].toString(), host: parts.host.toString(), validators: parts.validators.toString() };

  // 9. Replayed, lower and foreign settlements revert with their reasons.
  const book = JSON.parse(readFileSync(receiptsPath, "utf8"));
  const sig60 = book.receipts[0].signature;
  await expectRevert(registry.connect(host).settle.staticCall(modelId, user.address, 60, sig60), "must exceed the 60 calls already settled", "replayed settlement");
  const sig59 = await user.signTypedData(domain, USAGE, { modelId, host: host.address, cumulativeCalls: 59 });
  await expectRevert(registry.connect(host).settle.staticCall(modelId, user.address, 59, sig59), "replayed or stale receipt", "lower settlement");
  const otherChain = await user.signTypedData({ ...domain, chainId: 1n }, USAGE, { modelId, host: host.address, cumulativeCalls: 70 });
  await expectRevert(registry.connect(host).settle.staticCall(modelId, user.address, 70, otherChain), "not by " + user.address, "receipt of another chain");
  const otherHost = await user.signTypedData(domain, USAGE, { modelId, host: rogueHost.address, cumulativeCalls: 70 });
  await expectRevert(registry.connect(host).settle.staticCall(modelId, user.address, 70, otherHost), "not by " + user.address, "receipt made out to another host");
  await expectRevert(registry.connect(host).settle.staticCall(modelId, user.address, 101, sig60), "exceeds the 100 calls", "more than bought");
  await expectRevert(registry.connect(rogueHost).settle.staticCall(modelId, user.address, 70, otherHost), "not an authorised host", "settle by an unauthorised host");

  // 10. An unauthorised host serves the model: its signed answer to a fingerprint is evidence; it is slashed once.
  const rogue = await serve(["--model", modelId.toString(), "--host-key", keyFile(rogueHost, "rogue.key"), "--fingerprints", fpPath]);
  check(/not authorised for model/.test(rogue.log()), "serve warns an unauthorised host");
  const caught = await invoke(rogue, rogueHost.address, modelId, user, 61, fp.fingerprints[42].key);
  eq(caught.status, 200, "the rogue host answered");
  eq(caught.body.output, fp.fingerprints[42].response, "with the fingerprint's response");
  await expectRevert(registry.connect(reporter).reportUnauthorizedHost.staticCall(modelId, host.address, caught.body.key, caught.body.response, tree.proof(42), caught.body.signature),
    "not by " + host.address, "evidence against the wrong host");
  const rogueStake = await staking.stakeOf(rogueHost.address, Role.ModelHost);
  const [reportReceipt, reportGas] = await mined(registry.connect(reporter).reportUnauthorizedHost(modelId, rogueHost.address, caught.body.key,
    caught.body.response, tree.proof(42), caught.body.signature));
  const report = events(registry, reportReceipt, "UnauthorizedHostReported")[0].args;
  const slashed = rogueStake * 1000n / 10000n;
  eq(report.slashed, slashed, "slashed infringementSlashBps of the stake");
  eq(report.reward, slashed * 5000n / 10000n, "reporter reward");
  eq(await staking.stakeOf(rogueHost.address, Role.ModelHost, { blockTag: reportReceipt.blockNumber }), rogueStake - slashed, "rogue stake after the slash");
  eq((await provider.getBalance(reporter.address, reportReceipt.blockNumber)) - (await provider.getBalance(reporter.address, reportReceipt.blockNumber - 1)),
    report.reward - reportGas, "reporter paid");
  await expectRevert(registry.connect(reporter).reportUnauthorizedHost.staticCall(modelId, rogueHost.address, caught.body.key, caught.body.response,
    tree.proof(42), caught.body.signature), "already reported", "the same evidence twice");
  summary.rogueSlashed = slashed.toString();

  // 11. A copy: another account registers the same model (its own fingerprints and weights hash), its host serves it
  // (answering model 1's fingerprints, and settling every 5 calls); model 1's owner buys calls, queries ten
  // fingerprints and strikes the copy within the window.
  const fp2Path = join(work, "copy.fingerprints.json");
  cli("model", "fingerprint", "--count", "16", "--out", fp2Path);
  const copyOut = await cliTx("model", "register", "--rpc", url, "--dev-account", "7", "--weights-hash", ethers.id("copied weights"), "--fingerprints", fp2Path,
    "--price", PRICE.toString(), "--owner", `${copier.address}:9000`, "--host-bps", "500", "--validator-bps", "500");
  const copyId = BigInt(value(copyOut, "modelId"));
  await cliTx("model", "authorize-host", "--rpc", url, "--dev-account", "7", "--model", copyId.toString(), "--host", copierHost.address);
  await cliTx("model", "buy", "--rpc", url, "--dev-account", "1", "--model", copyId.toString(), "--calls", "12");
  const copyServer = await serve(["--model", copyId.toString(), "--host-key", keyFile(copierHost, "copier-host.key"), "--fingerprints", fpPath, "--settle-every", "5"]);
  const revealed = [3, 31, 64, 77, 99, 128, 150, 181, 222, 255];
  const signatures = [];
  for (let i = 0; i < revealed.length; i++) {
    const { status, body } = await invoke(copyServer, copierHost.address, copyId, owner1, i + 1, fp.fingerprints[revealed[i]].key);
    eq(status, 200, `copy answered fingerprint ${revealed[i]} (${JSON.stringify(body)})`);
    eq(body.response, fp.fingerprints[revealed[i]].response, `copy reproduces fingerprint ${revealed[i]}`);
    signatures.push(body.signature);
  }
  // The copy's host settles on its own every 5 calls.
  for (let tries = 0; tries < 300 && (await registry.getAccess(copyId, owner1.address))[1] < 10n; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  eq((await registry.getAccess(copyId, owner1.address))[1], 10n, "the copy's host settled automatically");
  const keys = revealed.map((i) => fp.fingerprints[i].key);
  const responses = revealed.map((i) => fp.fingerprints[i].response);
  const proofs = revealed.map((i) => tree.proof(i));
  await expectRevert(registry.connect(owner1).challengeModel.staticCall(copyId, modelId, keys, responses, proofs, revealed.map(() => "0x")),
    "0 of 10 revealed fingerprints were answered", "challenge without answers");
  await expectRevert(registry.connect(copier).challengeModel.staticCall(copyId, modelId, keys, responses, proofs, signatures),
    "is not an owner of model", "challenge by a non-owner");
  const [challengeReceipt] = await mined(registry.connect(owner1).challengeModel(copyId, modelId, keys, responses, proofs, signatures));
  const struck = events(registry, challengeReceipt, "ModelStruck")[0].args;
  eq(struck.matched, 10n, "matched fingerprints");
  eq(struck.revealed, 10n, "revealed fingerprints");
  eq((await registry.getModel(copyId)).status, 2n, "copy struck");
  await expectRevert(registry.connect(user).buyAccess.staticCall(copyId, 1, { value: PRICE }), "is struck", "buying a struck model");
  const refund = await registry.connect(owner1).refundExpired.staticCall(copyId);
  eq(refund, PRICE * 2n, "the unused escrow of the struck copy is refundable at once");

  summary.checks = checkCount();
  console.log(JSON.stringify(summary));
  console.log("models e2e OK");
}

try {
  await main();
} catch (e) {
  console.error(e.stack ?? String(e));
  for (const s of servers) s.kill("SIGTERM");
  process.exit(1);
}
for (const s of servers) s.kill("SIGTERM");
process.exit(0);
