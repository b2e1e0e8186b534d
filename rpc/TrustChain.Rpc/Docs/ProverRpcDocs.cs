namespace TrustChain.Rpc.Docs;

/// <summary>The prover_ namespace (Modules/Prover), served by prover nodes only (DESIGN §6). Each method takes one argument.</summary>
public static class ProverRpcDocs
{
    private const string Points =
        "points: 8 decimal strings, the Groth16 proof packed as [a0, a1, b01, b00, b11, b10, c0, c1] (Semaphore v4's order)";

    public static IReadOnlyList<RpcMethodDoc> All { get; } =
    [
        new("prover_info", "Who this prover is: its place in the OPRF committee and its staked Prover account.", [],
            "Object: chainId (QUANTITY), member (the committee index), threshold (t of the t-of-n committee), publicShare (DATA, 64 bytes: k_i·G), prover (the account that signs verdicts).",
            "[]")
        {
            Availability = RpcAvailability.ProverNode,
        },
        new("prover_evaluateOprf", "Evaluates this node's OPRF key share on blinded points for an enrolment operator, with a DLEQ proof per point; the operator combines t answers into dedup tags. Rate-limited per operator.",
            [
                new("request", "Object",
                    "expiry (QUANTITY, unix seconds: requests past it, or too far ahead, are refused), elements (array of DATA, 64-byte blinded secp256k1 points), " +
                    "signature (DATA, 65 bytes: the staked enrolment operator's signature over the request; unsigned requests are refused)"),
            ],
            "Object: member, operator (the recovered operator address), evaluations (array of {element: DATA 64 bytes, proof: DATA, the DLEQ proof}). Refusals: -32040 unauthorized (unsigned, not a staked operator, expired or replayed), -32005 rate limited, -32041 unavailable.",
            "[{\"expiry\": \"0x6553f100\", \"elements\": [\"0x…64 bytes…\"], \"signature\": \"0x…65 bytes…\"}]")
        {
            Availability = RpcAvailability.ProverNode,
        },
        new("prover_matchPalm", "Dedup pre-check: the existing human sharing the most tags with a candidate's dedup tags, judged as HumanRegistry.enroll would judge it at the head.",
            [new("tags", "Array of DATA, 32 bytes", "the candidate's dedup tags")],
            "Object: blockNumber, found, humanIndex (QUANTITY or null), matches (shared tags), dedupMatch (the chain's threshold), duplicate (enroll would reject).",
            "[[\"0x1111111111111111111111111111111111111111111111111111111111111111\"]]")
        {
            Availability = RpcAvailability.ProverNode,
        },
        new("prover_verifyHumanProof", "Verifies a Semaphore v4 human proof against the head state (known root, unused nullifier, valid Groth16 proof) and signs the verdict for an off-chain app.",
            [new("proof", "Object", "depth, root, nullifier, message, scope (decimal strings, as @semaphore-protocol/proof produces them) and " + Points)],
            "Object: valid, reason (null when valid), chainId, blockNumber, blockHash (the state checked), prover, digest, signature (EIP-191 signature of digest by prover; verify with ethers' verifyMessage).",
            "[{\"depth\": \"20\", \"root\": \"…\", \"nullifier\": \"…\", \"message\": \"…\", \"scope\": \"…\", \"points\": [\"…\", \"…\", \"…\", \"…\", \"…\", \"…\", \"…\", \"…\"]}]")
        {
            Availability = RpcAvailability.ProverNode,
        },
        new("prover_proveMembership", "Generates a Semaphore v4 membership proof for a client that delegates proving: it hands the prover its identity secret, so use only a prover you trust.",
            [new("request", "Object", "identitySecret (DATA, 32 bytes), message and scope (decimal strings)")],
            "Object: commitment and the proof fields of prover_verifyHumanProof's argument, ready for HumanRegistry.verifyHuman. An identity that is not in the human set is refused.",
            "[{\"identitySecret\": \"0x…32 bytes…\", \"message\": \"1\", \"scope\": \"42\"}]")
        {
            Availability = RpcAvailability.ProverNode,
        },
    ];
}
