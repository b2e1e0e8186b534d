// CredentialRegistry end to end through ethers v6 and the repo's JSON ABIs, on a node whose genesis has three equal
// validators (dev keys 0, 1, 2): an issuer stakes, registers a schema, issues 10,000 credentials in batches of 500, a
// dApp pays to verify one and the fee split lands to the wei, the issuer revokes it and it stops verifying, and two
// of three validators slash a second issuer whose credentials then stop verifying. Revert reasons are checked.
// Usage: node credentials.mjs RPC_URL   (prints "credentials e2e OK" and a JSON summary line)
import { ethers } from "ethers";
import { connect, contract, check, eq, checkCount, expectRevert, mined, events, STAKING, CREDENTIALS, TRUST, Role } from "./common.mjs";

const url = process.argv[2] ?? process.env.TRUSTCHAIN_RPC;
if (!url) {
  console.error("usage: node credentials.mjs RPC_URL");
  process.exit(2);
}

const { provider, wallets } = connect(url);
const [validator0, validator1, validator2, issuerWallet, , dappWallet, proverWallet, badIssuerWallet] = wallets;
// A fresh key, so that no other test on the same node can have given it stake or a role (it only makes eth_calls).
const outsider = ethers.Wallet.createRandom().connect(provider);
const staking = contract(STAKING, "Staking", provider);
const registry = contract(CREDENTIALS, "CredentialRegistry", provider);
const ISSUED = 10_000;
const BATCH = 500;
const summary = {};

async function main() {
  const minIssuer = await staking.minimumStake(Role.Issuer);
  eq(minIssuer, 100_000n * TRUST, "minimum Issuer stake");

  // 1. The issuer stakes and registers a revocable schema; the uid is keccak256(abi.encodePacked(schema, registrant, revocable)).
  await mined(staking.connect(issuerWallet).stake(Role.Issuer, { value: minIssuer }));
  check(await staking.isActive(issuerWallet.address, Role.Issuer), "issuer active after staking");
  const schemaText = "bytes32 kycLevel, uint64 checkedAt";
  const [schemaReceipt] = await mined(registry.connect(issuerWallet).registerSchema(schemaText, true));
  const schemaUid = events(registry, schemaReceipt, "SchemaRegistered")[0].args.uid;
  eq(schemaUid, ethers.solidityPackedKeccak256(["string", "address", "bool"], [schemaText, issuerWallet.address, true]), "schema uid");
  const schema = await registry.getSchema(schemaUid);
  eq(schema.schema, schemaText, "schema text");
  eq(schema.registrant, issuerWallet.address, "schema registrant");
  await expectRevert(registry.connect(issuerWallet).registerSchema.staticCall(schemaText, true), "already registered", "duplicate schema");
  await expectRevert(registry.connect(outsider).issue.staticCall(schemaUid, outsider.address, ethers.ZeroHash, 0, ethers.ZeroHash, ethers.ZeroHash),
    "caller is not an active Issuer", "issue without stake");

  // 2. 10,000 credentials in batches of 500, signed locally with consecutive nonces and sent back to back. Recipient,
  // subject and data hash of credential n are derived from n without hashing, to keep the JavaScript side cheap.
  const recipientOf = (n) => ethers.zeroPadValue(ethers.toBeHex(0x10000 + n), 20);
  const subjectOf = (n) => ethers.zeroPadValue(ethers.toBeHex(0x20000 + n), 32);
  const dataOf = (n) => ethers.zeroPadValue(ethers.toBeHex(0x30000 + n), 32);
  const feeData = await provider.getFeeData();
  let nonce = await provider.getTransactionCount(issuerWallet.address, "pending");
  const started = Date.now();
  const hashes = [];
  for (let b = 0; b < ISSUED / BATCH; b++) {
    const requests = [];
    for (let i = 0; i < BATCH; i++) {
      const n = b * BATCH + i;
      requests.push([schemaUid, recipientOf(n), subjectOf(n), 0, ethers.ZeroHash, dataOf(n)]);
    }
    const signed = await issuerWallet.signTransaction({
      type: 2, chainId: 7357n, nonce: nonce++, to: CREDENTIALS, gasLimit: 14_000_000n,
      maxFeePerGas: feeData.maxFeePerGas * 4n, maxPriorityFeePerGas: feeData.maxPriorityFeePerGas,
      data: registry.interface.encodeFunctionData("issueMany", [requests]),
    });
    hashes.push(await provider.send("eth_sendRawTransaction", [signed]));
  }
  summary.sendSeconds = (Date.now() - started) / 1000;
  while (await provider.getTransactionCount(issuerWallet.address, "latest") < nonce) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  summary.issueSeconds = (Date.now() - started) / 1000;
  // issueMany is all or nothing, so the count proves every batch landed; one receipt shows the events.
  eq(await registry.issuedCount(issuerWallet.address), BigInt(ISSUED), "issuedCount");
  const lastReceipt = await provider.getTransactionReceipt(hashes[hashes.length - 1]);
  eq(lastReceipt.status, 1, "last batch status");
  eq(events(registry, lastReceipt, "CredentialIssued").length, BATCH, "CredentialIssued events of one batch");

  // The uid of credential n is keccak256(abi.encodePacked(issuer, uint64 n, schemaUid, recipient, subject, expiration, refUid, dataHash)).
  const target = 1234;
  const uid = ethers.solidityPackedKeccak256(
    ["address", "uint64", "bytes32", "address", "bytes32", "uint64", "bytes32", "bytes32"],
    [issuerWallet.address, target, schemaUid, recipientOf(target), subjectOf(target), 0, ethers.ZeroHash, dataOf(target)]);
  const page = await registry.credentialsIssuedBy(issuerWallet.address, target, 1);
  eq(page[0], uid, "uid of credential 1234 (computed independently) equals the registry's");
  const stored = await registry.getCredential(uid);
  eq(stored.recipient, ethers.getAddress(recipientOf(target)), "stored recipient");
  eq(stored.issuer, issuerWallet.address, "stored issuer");
  eq(stored.dataHash, dataOf(target), "stored data hash");
  check(await registry.isValid(uid), "credential 1234 is valid");
  eq((await registry.credentialsOf(recipientOf(target), 0, 10)).length, 1, "recipient index");

  // 3. A dApp pays to verify it: issuer 60 %, validators 20 % into Staking's Validator pool, prover the rest, to the wei.
  const fee = await registry.verificationFee();
  await expectRevert(registry.connect(dappWallet).verifyCredential.staticCall(uid, proverWallet.address, { value: fee - 1n }),
    `verification fee is ${fee} wei, got ${fee - 1n}`, "underpaid verification");
  const paid = fee * 3n + 7n; // an odd amount, so that the floors matter
  const [verifyReceipt, verifyGas] = await mined(registry.connect(dappWallet).verifyCredential(uid, proverWallet.address, { value: paid }));
  const at = (block) => ({ blockTag: block });
  const balances = async (block) => ({
    issuer: await provider.getBalance(issuerWallet.address, block),
    prover: await provider.getBalance(proverWallet.address, block),
    dapp: await provider.getBalance(dappWallet.address, block),
    pool: await staking.rewardPool(Role.Validator, at(block)),
    registry: await provider.getBalance(CREDENTIALS, block),
  });
  const before = await balances(verifyReceipt.blockNumber - 1);
  const after = await balances(verifyReceipt.blockNumber);
  const issuerShare = paid * 6000n / 10000n;
  const validatorShare = paid * 2000n / 10000n;
  const proverShare = paid - issuerShare - validatorShare;
  eq(after.issuer, before.issuer + issuerShare, "issuer share");
  eq(after.prover, before.prover + proverShare, "prover share");
  eq(after.pool, before.pool + validatorShare, "validator pool share");
  eq(after.dapp, before.dapp - paid - verifyGas, "dApp paid fee + gas");
  eq(after.registry, before.registry, "the registry keeps no wei");
  const verified = events(registry, verifyReceipt, "CredentialVerified")[0].args;
  eq(verified.uid, uid, "CredentialVerified uid");
  eq(verified.verifier, dappWallet.address, "CredentialVerified verifier");
  eq(verified.fee, paid, "CredentialVerified fee");
  summary.split = { paid: paid.toString(), issuer: issuerShare.toString(), validators: validatorShare.toString(), prover: proverShare.toString() };

  // 4. Only the issuer revokes; after revoking, the credential no longer verifies.
  await expectRevert(registry.connect(outsider).revoke.staticCall(uid), "only the issuer can revoke", "revoke by a stranger");
  await mined(registry.connect(issuerWallet).revoke(uid));
  check(!(await registry.isValid(uid)), "revoked credential is not valid");
  eq(await registry.invalidReason(uid), "credential is revoked", "invalidReason after revoke");
  await expectRevert(registry.connect(dappWallet).verifyCredential.staticCall(uid, proverWallet.address, { value: fee }),
    "credential is revoked", "verify a revoked credential");
  await expectRevert(registry.connect(issuerWallet).revoke.staticCall(uid), "already revoked", "revoke twice");
  check(await registry.isValid((await registry.credentialsIssuedBy(issuerWallet.address, target + 1, 1))[0]), "the next credential is still valid");

  // 5. A misbehaving issuer: two of the three equal validators vote its slash through; its credentials stop verifying.
  await mined(staking.connect(badIssuerWallet).stake(Role.Issuer, { value: minIssuer }));
  const [badReceipt] = await mined(registry.connect(badIssuerWallet).issue(schemaUid, outsider.address, ethers.ZeroHash, 0, ethers.ZeroHash, ethers.ZeroHash));
  const badUid = events(registry, badReceipt, "CredentialIssued")[0].args.uid;
  check(await registry.isValid(badUid), "bad issuer's credential valid before the slash");
  await expectRevert(registry.connect(outsider).proposeIssuerSlash.staticCall(badIssuerWallet.address, 5000, ethers.id("forged KYC")),
    "only an active validator can propose", "propose by a non-validator");
  await expectRevert(registry.connect(validator0).proposeIssuerSlash.staticCall(badIssuerWallet.address, 0, ethers.id("forged KYC")),
    "slash must be 1..10000 basis points", "propose 0 bps");
  const [proposeReceipt] = await mined(registry.connect(validator0).proposeIssuerSlash(badIssuerWallet.address, 5000, ethers.id("forged KYC")));
  const proposalId = events(registry, proposeReceipt, "IssuerSlashProposed")[0].args.id;
  let proposal = await registry.getIssuerSlash(proposalId);
  eq(proposal.status, 1n, "proposal open after one of three votes");
  eq(proposal.votedStake * 3n, proposal.activeStake, "one third voted");
  check(await registry.isValid(badUid), "still valid with one third of the votes");
  await expectRevert(registry.connect(outsider).voteIssuerSlash.staticCall(proposalId), "only an active validator can vote", "vote by a non-validator");
  const stakeBefore = await staking.stakeOf(badIssuerWallet.address, Role.Issuer);
  const [voteReceipt] = await mined(registry.connect(validator1).voteIssuerSlash(proposalId));
  const executed = events(registry, voteReceipt, "IssuerSlashExecuted");
  eq(executed.length, 1, "the second vote executes the slash");
  eq(executed[0].args.slashed, stakeBefore / 2n, "half of the Issuer stake slashed");
  eq(await staking.stakeOf(badIssuerWallet.address, Role.Issuer), stakeBefore - stakeBefore / 2n, "Issuer stake after the slash");
  proposal = await registry.getIssuerSlash(proposalId);
  eq(proposal.status, 2n, "proposal executed");
  check(!(await registry.isValid(badUid)), "slashed issuer's credential is no longer valid");
  await expectRevert(registry.connect(dappWallet).verifyCredential.staticCall(badUid, ethers.ZeroAddress, { value: fee }), "issuer", "verify after the slash");
  await expectRevert(registry.connect(validator2).voteIssuerSlash.staticCall(proposalId), "already executed", "vote after execution");
  await expectRevert(registry.connect(badIssuerWallet).issue.staticCall(schemaUid, outsider.address, ethers.ZeroHash, 0, ethers.ZeroHash, ethers.ZeroHash),
    "caller is not an active Issuer", "a jailed issuer cannot issue");

  summary.checks = checkCount();
  summary.schemaUid = schemaUid;
  summary.issuer = issuerWallet.address;
  console.log(JSON.stringify(summary));
  console.log("credentials e2e OK");
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
