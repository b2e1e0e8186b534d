// HumanRegistry end to end through ethers v6 and the repo's JSON ABI only (no TrustChain code on this side): an
// operator stakes and enrols three Semaphore identities, the user's Merkle proof comes from trust_getMerkleProof,
// @semaphore-protocol/proof generateProof makes the proof with the official @zk-kit/semaphore-artifacts, and a dApp
// pays verifyHuman through `new Contract(...)`; the fee splits to the wei, the nullifier is spent in that scope only.
// Usage: node human.mjs RPC_URL
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ethers } from "ethers";
import { Identity } from "@semaphore-protocol/identity";
import { generateProof } from "@semaphore-protocol/proof";
import { connect, contract, check, eq, checkCount, expectRevert, mined, events, Role, STAKING } from "./common.mjs";

const HUMANS = "0x0000000000000000000000000000000000001001";
const url = process.argv[2] ?? process.env.TRUSTCHAIN_RPC;
if (!url) {
  console.error("usage: node human.mjs RPC_URL");
  process.exit(2);
}

const require = createRequire(import.meta.url);
const artifacts = dirname(require.resolve("@zk-kit/semaphore-artifacts/package.json"));
const { provider, wallets } = connect(url);
const [, , , , operator, dapp, prover] = wallets;
const staking = contract(STAKING, "Staking", provider);
const registry = contract(HUMANS, "HumanRegistry", provider);
const summary = {};

function randomTags(count) {
  return Array.from({ length: count }, () => ethers.hexlify(ethers.randomBytes(32)));
}

async function prove(identity, scope, message) {
  const raw = await provider.send("trust_getMerkleProof", [ethers.toBeHex(identity.commitment)]);
  check(raw !== null, "trust_getMerkleProof knows the enrolled commitment");
  const merkleProof = { root: BigInt(raw.root), leaf: BigInt(raw.leaf), index: Number(raw.index), siblings: raw.siblings.map(BigInt) };
  eq(merkleProof.root, await registry.root(), "the Merkle proof's root is the registry's root");
  const depth = Math.max(1, Number(await registry.depth()));
  const proof = await generateProof(identity, merkleProof, message, scope, depth, {
    wasm: join(artifacts, `semaphore-${depth}.wasm`),
    zkey: join(artifacts, `semaphore-${depth}.zkey`),
  });
  return [proof.merkleTreeDepth, proof.merkleTreeRoot, proof.nullifier, proof.message, proof.scope, proof.points];
}

async function main() {
  // 1. An enrolment operator stakes the minimum and enrols three people (distinct random tags).
  const minOperator = await staking.minimumStake(Role.EnrollmentOperator);
  await mined(staking.connect(operator).stake(Role.EnrollmentOperator, { value: minOperator }));
  check(await staking.isActive(operator.address, Role.EnrollmentOperator), "the operator is active after staking");
  const people = ["ethers-e2e-alice", "ethers-e2e-bob", "ethers-e2e-carol"].map((secret) => new Identity(secret));
  const sizeBefore = await registry.size();
  for (const person of people) {
    const [receipt] = await mined(registry.connect(operator).enroll(person.commitment, randomTags(8)));
    const enrolled = events(registry, receipt, "HumanEnrolled");
    eq(enrolled.length, 1, "one HumanEnrolled event per enrolment");
    eq(enrolled[0].args.commitment, person.commitment, "the event carries the commitment");
    const [known, index] = await registry.indexOf(person.commitment);
    check(known && index === enrolled[0].args.index, "indexOf finds the enrolled commitment at the event's index");
  }
  eq(await registry.size(), sizeBefore + 3n, "the set grew by three");
  await expectRevert(registry.connect(operator).enroll.staticCall(people[0].commitment, randomTags(8)), "is already enrolled as human", "the same commitment twice");

  // 2. Bob proves membership for a dApp scope; the dApp pays verifyHuman with the fee.
  const fee = await registry.verificationFee();
  const scope = 0x7e57n;
  const message = BigInt(dapp.address);
  const args = await prove(people[1], scope, message);
  check(await registry.isValidHumanProof(...args), "isValidHumanProof accepts the fresh proof");
  const proverBefore = await provider.getBalance(prover.address);
  const [receipt] = await mined(registry.connect(dapp).verifyHuman(...args, prover.address, { value: fee }));
  const verified = events(registry, receipt, "HumanVerified");
  eq(verified.length, 1, "one HumanVerified event");
  const v = verified[0].args;
  eq(v.fee, fee, "the event's fee is what the dApp paid");
  eq(v.proverShare + v.validatorShare + v.operatorShare, fee, "the three shares add up to the fee to the wei");
  eq((await provider.getBalance(prover.address)) - proverBefore, v.proverShare, "the prover's balance grew by its share");
  check(await registry.isNullifierUsed(scope, args[2]), "the nullifier is spent in that scope");
  eq(await provider.send("trust_isNullifierUsed", [ethers.toBeHex(scope), ethers.toBeHex(args[2])]), true, "trust_isNullifierUsed agrees");

  // 3. A replay in the same scope reverts; the same person in another scope is unlinkable and verifies.
  check(!(await registry.isValidHumanProof(...args)), "isValidHumanProof refuses the spent nullifier");
  await expectRevert(registry.connect(dapp).verifyHuman.staticCall(...args, prover.address, { value: fee }), "was already used in scope", "a replayed proof");
  const other = await prove(people[1], scope + 1n, message);
  check(other[2] !== args[2], "another scope gives another nullifier");
  await mined(registry.connect(dapp).verifyHuman(...other, prover.address, { value: fee }));

  // 4. A proof for a changed message fails the pairing check and changes nothing.
  const forged = [...args];
  forged[2] = (await prove(people[2], scope + 2n, message))[2];
  forged[4] = scope + 2n;
  check(!(await registry.isValidHumanProof(...forged)), "a proof with another person's nullifier is invalid");
  await expectRevert(registry.connect(dapp).verifyHuman.staticCall(...forged, prover.address, { value: fee }), "does not verify", "an invalid proof");
  check(!(await registry.isNullifierUsed(scope + 2n, forged[2])), "the invalid proof spent nothing");

  summary.checks = checkCount();
  summary.members = Number(await registry.size());
  console.log(JSON.stringify(summary));
  console.log("human e2e OK");
}

main().then(() => process.exit(0), (e) => {
  console.error(e.stack ?? String(e));
  process.exit(1);
});
