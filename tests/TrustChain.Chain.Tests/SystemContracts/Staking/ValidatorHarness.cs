using System.Text.Json.Nodes;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// A <see cref="StakingHarness"/> chain with four genesis validators of unequal stakes (odd wei amounts, so the slash
/// rounding shows), a short downtime window, jail and unbonding period, and blocks whose last commit carries real
/// precommit signatures of exactly the validators a test chooses.
/// </summary>
internal sealed class ValidatorHarness : IDisposable
{
    public const ulong Window = 10;
    public const ulong JailBlocks = 6;
    public const ulong EpochLength = 5;
    public const ulong UnbondingBlocks = 40;
    public const ulong ChainSpecId = 7357;

    public static readonly PrivateKey[] Keys = [Key0, Key1, Key2, StakingHarness.Key3];

    public static readonly UInt256[] Stakes =
    [
        1_000_000 * StakingHarness.Trust,
        500_000 * StakingHarness.Trust + 123_457,
        300_000 * StakingHarness.Trust + 9_999,
        200_000 * StakingHarness.Trust + 99,
    ];

    public ValidatorHarness()
    {
        H = new StakingHarness(json =>
        {
            json["params"]!["downtimeWindow"] = Window;
            json["params"]!["downtimeJailBlocks"] = JailBlocks;
            json["params"]!["downtimeMinSignedBps"] = 5_000;
            json["params"]!["downtimeSlashBps"] = 100;
            json["params"]!["doubleSignSlashBps"] = 500;
            json["params"]!["epochLength"] = EpochLength;
            json["params"]!["unbondingBlocks"] = UnbondingBlocks;
            JsonArray validators = [];
            for (int i = 0; i < Keys.Length; i++)
            {
                validators.Add(new JsonObject
                {
                    ["address"] = Keys[i].Address.ToString(),
                    ["publicKey"] = Hex.ToHexString(StakingHarness.CompressedKey(Keys[i])),
                    ["stake"] = Stakes[i].ToString(),
                });
            }

            json["validators"] = validators;
        });
        Slashing = new ValidatorSlashing(H.Staking);
    }

    public StakingHarness H { get; }

    public ValidatorSlashing Slashing { get; }

    public Blockchain Chain => H.Chain;

    public static IReadOnlyList<PrivateKey> All => Keys;

    public static PrivateKey[] AllBut(params PrivateKey[] absent) => Keys.Where(k => !absent.Contains(k)).ToArray();

    public static Commit SignedCommit(BlockHeader header, IEnumerable<PrivateKey> signers)
    {
        Hash256 message = VoteSignPayload.Compute(ChainSpecId, header.Number, 0, header.Hash, VoteSignPayload.Precommit);
        return new Commit(header.Number, 0, header.Hash, signers.Select(k => new CommitSignature(k.Address, k.Sign(message).ToBytes65())).ToList());
    }

    /// <summary>Encoded double-sign evidence of <paramref name="key"/> at <paramref name="height"/> (two precommits for different blocks).</summary>
    public static byte[] DoubleSign(PrivateKey key, ulong height, ulong chainId = ChainSpecId, uint round = 0, PrivateKey? signer = null)
    {
        signer ??= key;
        EvidenceVote Vote(string block)
        {
            Hash256 hash = Keccak256.Compute(System.Text.Encoding.ASCII.GetBytes(block));
            byte[] signature = signer.Sign(VoteSignPayload.Compute(chainId, height, round, hash, VoteSignPayload.Precommit)).ToBytes65();
            return new EvidenceVote(VoteSignPayload.Precommit, height, round, hash, key.Address, signature);
        }

        return new DoubleSignEvidence(Vote("a"), Vote("b")).Encode();
    }

    /// <summary>Builds and commits the head's child carrying a last commit signed by <paramref name="signers"/>.</summary>
    public ExecutedBlock Produce(IEnumerable<PrivateKey>? signers = null, IReadOnlyList<byte[]>? evidence = null, params Transaction[] txs)
    {
        ExecutedBlock built = Build(signers ?? All, evidence ?? [], txs);
        Assert.That(built.Block.Transactions, Has.Count.EqualTo(txs.Length), "a transaction was not includable");
        Chain.Commit(built.Block, SignedCommit(built.Block.Header, All), built);
        H.AssertBalanceInvariant();
        return built;
    }

    /// <summary>Builds (without committing) the head's child; the builder keeps only acceptable evidence.</summary>
    public ExecutedBlock Build(IEnumerable<PrivateKey> signers, IReadOnlyList<byte[]> evidence, params Transaction[] txs)
    {
        BlockHeader head = Chain.Head;
        Commit? last = head.Number == 0 ? null : SignedCommit(head, signers);
        return Chain.BuildBlock(Proposer, head.Timestamp + 1000, last, txs, evidence);
    }

    /// <summary>The block the builder made, but carrying <paramref name="evidence"/> regardless of what the builder chose.</summary>
    public Block ForgedWith(params byte[][] evidence)
    {
        Block built = Build(All, []).Block;
        return new Block(built.Header, built.Transactions, built.LastCommit, evidence);
    }

    public void ProduceUntil(ulong number, IEnumerable<PrivateKey>? signers = null)
    {
        PrivateKey[] list = (signers ?? All).ToArray();
        while (Chain.Head.Number < number)
        {
            Produce(list);
        }
    }

    public UInt256 StakeOf(PrivateKey key) => H.Staking.GetStake(H.Head, key.Address, StakingRole.Validator);

    public bool IsActive(PrivateKey key) => H.Staking.IsActive(H.Head, key.Address, StakingRole.Validator, Chain.Head.Number + 1);

    public IReadOnlyList<Address> ActiveSet() => H.Staking.GetActiveValidators(H.Head, Chain.Head.Number + 1).Select(v => v.Address).ToList();

    public void Dispose() => H.Dispose();
}
