namespace TrustChain.Rpc.Docs;

/// <summary>
/// The trust_ namespace (Modules/Trust): registry reads, the human set's Merkle paths, state proofs and the validator
/// set, at a block chosen as in eth_ (an optional last argument, default "latest"). Unknown ids give null, not an error.
/// </summary>
public static class TrustRpcDocs
{
    private static readonly RpcParamDoc Block = new("block", "Block",
        "a block number, tag or EIP-1898 object as in eth_getBalance; default \"latest\". An unknown block is -32000 \"header not found\"", Optional: true);

    private static readonly RpcParamDoc Page = new("page", "Object",
        "{offset, limit} (numbers or hex quantities); default the first page; limit 1–1000, default 1000", Optional: true);

    private const string Credential =
        "{uid, schemaUid, issuer, recipient, subjectCommitment, refUid, dataHash, expiration, issuedAt, issuedBlock, revokedAt, revokedBlock, status, valid} — status and valid as of the block";

    private const string Model =
        "{id, registrant, weightsHash, fingerprintRoot, fingerprintCount, uri, pricePerCall, owners: [{account, bps}], hostBps, validatorBps, requireHuman, registeredAt, status}";

    public static IReadOnlyList<RpcMethodDoc> All { get; } =
    [
        new("trust_getHuman", "A member of the human set (HumanRegistry) by leaf index or identity commitment. Never returns anything that links a person beyond the commitment.",
            [
                new("human", "QUANTITY|string|Object",
                    "a leaf index (JSON number or 0x quantity up to 8 bytes), an identity commitment (decimal string or longer 0x string), or explicitly {index} / {commitment}"),
                Block,
            ],
            "Object {index, commitment, operator (the enrolment operator), enrolledBlock, deletedBlock, deleted}; null when unknown.",
            "[0]"),
        new("trust_getHumanSetRoot", "The human set after a block: the LeanIMT root that proofs are checked against (the header's humanSetRoot).", [Block],
            "Object {root (decimal string), size, depth, blockNumber, blockHash}.", "[\"latest\"]"),
        new("trust_getMerkleProof", "A member's Merkle path, exactly @zk-kit/lean-imt's proof shape, for building a Semaphore proof.",
            [new("commitment", "string", "the identity commitment (decimal string or 0x hex)"), Block],
            "Object {root, leaf, index, siblings} with decimal strings, as lean-imt's JSON; null when the commitment is not a live member.",
            "[\"$commitment\"]"),
        new("trust_getRootHistory", "The human-set roots a proof may use in the next block: the current root first, then older roots newest first, within rootHistoryBlocks.",
            [Block, new("limit", "QUANTITY", "most entries to return; default 256, at most 1000", Optional: true)],
            "Array of {root, current, lastCurrentBlock, validUntilBlock}.", "[\"latest\", 10]"),
        new("trust_isNullifierUsed", "Whether a (scope, nullifier) pair was already used by an on-chain verifyHuman.",
            [new("scope", "string|QUANTITY", "the raw scope verifyHuman takes (not its hash), decimal string or 0x hex"), new("nullifier", "string|QUANTITY", "the proof's nullifier"), Block],
            "boolean.", "[\"42\", \"1\"]"),
        new("trust_getStake", "An account's stake in every role (Staking).", [new("address", "DATA, 20 bytes", "the account"), Block],
            "Object {address, roles: [{role, roleId, bonded, minimum, active, jailed, jailedUntil}], bonded (all roles), unbonding: [{amount, releaseBlock, withdrawable}], unbondingTotal, pendingRewards, consensusPublicKey (null unless a validator), blockNumber}.",
            "[\"$issuer\"]"),
        new("trust_getValidators", "The active validator set at a block: the top maxValidators by stake (ties by address), as consensus uses it.", [Block],
            "Array of {address, consensusPublicKey, stake}.", "[\"latest\"]"),
        new("trust_getProof", "An inclusion or exclusion proof from the authenticated state map, checkable against a header's stateRoot by a light client.",
            [
                new("key", "DATA|Object", "an address (its account leaf), a raw 32-byte state key, or {address, slot} for a contract storage slot (slot as 0x bytes)"),
                Block,
            ],
            "Object {key, inclusion, value (when included), siblings, otherLeafKey and otherLeafValueHash (exclusion by another leaf), stateRoot, blockNumber, blockHash, rlp}. Pruned historical state is -32000.",
            "[\"$account\"]"),
        new("trust_getCredential", "A credential (CredentialRegistry) with its status at the block.", [new("uid", "DATA, 32 bytes", "the credential uid"), Block],
            "Object " + Credential + "; null when unknown.", "[\"$credentialUid\"]"),
        new("trust_getSchema", "A credential schema.", [new("uid", "DATA, 32 bytes", "the schema uid"), Block],
            "Object {uid, registrant, revocable, schema, registeredBlock}; null when unknown.", "[\"$schemaUid\"]"),
        new("trust_listCredentials", "Credentials held by a recipient or issued by an issuer, oldest first.",
            [new("filter", "Object", "exactly one of {recipient: address} or {issuer: address}"), Page, Block],
            "Object {total, offset, credentials: [" + Credential + "]}.", "[{\"recipient\": \"$account\"}, {\"offset\": 0, \"limit\": 10}]"),
        new("trust_getModel", "A registered AI model (ModelRegistry) with its revenue split.", [new("modelId", "QUANTITY", "the model id (from 1, in registration order)"), Block],
            "Object " + Model + "; null when unknown.", "[1]"),
        new("trust_listModels", "Registered models in id order.", [Page, Block], "Object {total, offset, models: [" + Model + "]}.", "[{\"limit\": 10}]"),
        new("trust_getAccess", "What a user bought of a model: calls bought and settled, and the escrow left.",
            [new("modelId", "QUANTITY", "the model id"), new("user", "DATA, 20 bytes", "the buyer"), Block],
            "Object {callsBought, callsSettled, escrow, expiryBlock} (zeros for a user who bought nothing); null for an unknown model.", "[1, \"$account\"]"),
    ];
}
