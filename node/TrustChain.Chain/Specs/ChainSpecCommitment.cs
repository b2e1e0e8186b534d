using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.Specs;

/// <summary>
/// Canonical encodings of the parts of a chain spec that no header field or genesis state covers: the parsed
/// <see cref="ChainParameters"/> and the <see cref="GenesisProverCommittee"/>. Genesis commits to their hashes, so two
/// nodes that disagree on any parameter or committee seat have different genesis hashes and refuse to peer instead of
/// forking later. Encodings are of parsed values (not of the JSON text), so key order, letter case, whitespace and
/// spelled-out defaults in genesis.json do not matter; the item order below is fixed and must only ever be appended to.
/// </summary>
public static class ChainSpecCommitment
{
    private static readonly byte[] NoCommittee = Rlp.Encode(ReadOnlySpan<byte>.Empty);

    public static Hash256 ParametersHash(ChainParameters parameters) => Keccak256.Compute(EncodeParameters(parameters));

    /// <summary>keccak256 of the committee's encoding, or of the empty RLP string when the chain has no committee.</summary>
    public static Hash256 ProverCommitteeHash(GenesisProverCommittee? committee) => Keccak256.Compute(EncodeProverCommittee(committee));

    /// <summary>RLP list of every parameter, in genesis.json "params" key order; integers as RLP scalars, the seed as 32 bytes.</summary>
    public static byte[] EncodeParameters(ChainParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        byte[][] items =
        [
            Rlp.Encode(p.MinBaseFee),
            Rlp.Encode(p.BaseFeeChangeDenominator),
            Rlp.Encode(p.ElasticityMultiplier),
            Rlp.Encode(p.BlockTimeMs),
            Int(p.MaxBlockTransactions),
            Int(p.MaxTxSize),
            Rlp.Encode(p.StateHistory),
            Rlp.Encode(p.EpochLength),
            Int(p.MaxValidators),
            Rlp.Encode(p.UnbondingBlocks),
            Rlp.Encode(p.MinValidatorStake),
            Rlp.Encode(p.MinEnrollmentOperatorStake),
            Rlp.Encode(p.MinIssuerStake),
            Rlp.Encode(p.MinProverStake),
            Rlp.Encode(p.MinModelHostStake),
            Int(p.DedupMatch),
            Int(p.MaxDedupTags),
            Int(p.MaxOwnersPerTag),
            Rlp.Encode(p.DeletionCooloffBlocks),
            Rlp.Encode(p.RecoveryDelayBlocks),
            Rlp.Encode(p.RootHistoryBlocks),
            Rlp.Encode(p.VerificationFee),
            Int(p.VerificationProverBps),
            Int(p.VerificationValidatorBps),
            Int(p.VerificationOperatorBps),
            Rlp.Encode(p.CredentialVerificationFee),
            Int(p.CredentialIssuerBps),
            Int(p.CredentialValidatorBps),
            Int(p.CredentialProverBps),
            Rlp.Encode(p.IssuerSlashWindowBlocks),
            Rlp.Encode(p.IssuerJailBlocks),
            Rlp.Encode(p.ModelChallengeWindowBlocks),
            Int(p.ChallengeThresholdBps),
            Rlp.Encode(p.AccessExpiryBlocks),
            Int(p.InfringementSlashBps),
            Int(p.InfringementReporterBps),
            Rlp.Encode(p.TimeoutProposeMs),
            Rlp.Encode(p.TimeoutProposeDeltaMs),
            Rlp.Encode(p.TimeoutPrevoteMs),
            Rlp.Encode(p.TimeoutPrevoteDeltaMs),
            Rlp.Encode(p.TimeoutPrecommitMs),
            Rlp.Encode(p.TimeoutPrecommitDeltaMs),
            Rlp.Encode(p.TimeoutCommitMs),
            Int(p.DoubleSignSlashBps),
            Int(p.DowntimeSlashBps),
            Rlp.Encode(p.DowntimeWindow),
            Int(p.DowntimeMinSignedBps),
            Rlp.Encode(p.DowntimeJailBlocks),
            Int(p.PalmBands),
            Int(p.PalmBandBits),
            Rlp.Encode(p.PalmBandSeed.Bytes),
        ];
        return Rlp.EncodeList(items);
    }

    /// <summary>
    /// RLP [threshold, publicKey, [[index, address, publicShare], …]] with members in file (share index) order; the empty
    /// RLP string when there is no committee, which no list encoding can equal.
    /// </summary>
    public static byte[] EncodeProverCommittee(GenesisProverCommittee? committee)
    {
        if (committee is null)
        {
            return NoCommittee;
        }

        byte[][] members = new byte[committee.Members.Count][];
        for (int i = 0; i < members.Length; i++)
        {
            GenesisProverCommitteeMember member = committee.Members[i];
            members[i] = Rlp.EncodeList(Int(member.Index), Rlp.Encode(member.Address.Bytes), Rlp.Encode(member.PublicShare));
        }

        return Rlp.EncodeList(Int(committee.Threshold), Rlp.Encode(committee.PublicKey), Rlp.EncodeList(members));
    }

    // The parser only admits positive (or non-negative) counts, so the widening is lossless; a negative value can only come
    // from code building a spec by hand and is refused rather than silently wrapped.
    private static byte[] Int(int value) =>
        value >= 0 ? Rlp.Encode((ulong)value) : throw new ArgumentOutOfRangeException(nameof(value), value, "chain parameters are non-negative");
}
