using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.HumanRegistry;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using TrustChain.Zk.Semaphore;

namespace TrustChain.Chain.Tests.SystemContracts.HumanRegistry;

/// <summary>
/// A <see cref="RegistryTestChain"/> with Staking and the HumanRegistry installed as the node installs them, short
/// windows, an operator (Key1) staked in block 1. After every block the registry must hold no wei.
/// </summary>
public sealed class HumanHarness : RegistryTestChain
{
    public const int DedupMatch = 3;
    public const int MaxTags = 8;
    public const ulong Cooloff = 6;
    public const ulong RecoveryDelay = 4;
    public const ulong RootWindow = 5;
    public const ulong CallGas = 3_000_000;

    public static readonly UInt256 Trust = ChainParameters.WeiPerTrust;
    public static readonly PrivateKey Operator = ChainTestKit.Key1;
    public static readonly PrivateKey Outsider = ChainTestKit.Key2;

    public HumanHarness(HumanVerificationKeys? keys = null, Action<JsonObject>? editSpec = null)
        : this(Spec(editSpec), keys, new StrongBox<StakingState?>(), new StrongBox<HumanRegistryState?>())
    {
    }

    private HumanHarness(ChainSpec spec, HumanVerificationKeys? keys, StrongBox<StakingState?> staking, StrongBox<HumanRegistryState?> human)
        : base(spec, () =>
        {
            BlockchainOptions options = new();
            staking.Value = StakingModule.Install(options, spec.Parameters);
            human.Value = HumanModule.Install(options, spec.Parameters, staking.Value, keys);
            return options;
        }, CallGas, maxFeeGwei: 5)
    {
        Staking = staking.Value!;
        Human = human.Value!;
        Parameters = spec.Parameters;
        Contract = (HumanRegistryContract)RegistryContract(Chain.SystemContracts);
        TxReceipt staked = SendStaking(Operator, "stake", OperatorStake, (byte)StakingRole.EnrollmentOperator);
        Assert.That(staked.Succeeded, Is.True, "operator stake failed");
    }

    public static UInt256 OperatorStake => 1_000 * Trust;

    public StakingState Staking { get; }

    public HumanRegistryState Human { get; }

    public ChainParameters Parameters { get; }

    public HumanRegistryContract Contract { get; }

    public ulong ChainId => Chain.Spec.ChainId;

    /// <summary><paramref name="count"/> distinct tags derived from <paramref name="seed"/>.</summary>
    public static Hash256[] Tags(string seed, int count = MaxTags) =>
        Enumerable.Range(0, count).Select(i => Keccak256.Compute(System.Text.Encoding.UTF8.GetBytes($"{seed}/{i}"))).ToArray();

    public static byte[][] Words(Hash256[] tags) => tags.Select(t => t.ToArray()).ToArray();

    public static UInt256 Commitment(SemaphoreIdentity identity) => new(identity.Commitment.ToBytesBigEndian());

    public static UInt256 Word(Zk.Bn254.Fr value) => new(value.ToBytesBigEndian());

    public static UInt256[] PublicKey(SemaphoreIdentity identity) => [Word(identity.PublicKey.X), Word(identity.PublicKey.Y)];

    public static UInt256[] Signature(EdDsaPoseidonSignature signature) =>
        [Word(signature.R8.X), Word(signature.R8.Y), (UInt256)signature.S];

    public UInt256[] SignDelete(SemaphoreIdentity identity) =>
        Signature(identity.Sign(HumanIdentityMessages.Delete(ChainId, Commitment(identity))));

    public Transaction Tx(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Tx(Contract, key, function, value, args);

    public TxReceipt Send(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Produce(Tx(key, function, value, args)).Receipts.Single();

    public TxReceipt SendOk(PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        string? reason = RevertReasonOf(key.Address, function, value, args);
        TxReceipt receipt = Send(key, function, value, args);
        Assert.That(receipt.Succeeded, Is.True, $"{function} failed: {reason}");
        return receipt;
    }

    /// <summary>Requires the call to revert with <paramref name="reason"/> both simulated and mined, and to change no state.</summary>
    public TxReceipt SendFails(PrivateKey key, string function, UInt256 value, string reasonContains, params object?[] args)
    {
        Assert.That(RevertReasonOf(key.Address, function, value, args), Does.Contain(reasonContains));
        string before = Fingerprint();
        TxReceipt receipt = Send(key, function, value, args);
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Succeeded, Is.False);
            Assert.That(Fingerprint(), Is.EqualTo(before), "a reverted call changed the registry");
        });
        return receipt;
    }

    /// <summary>What a reverted call must leave alone: size, root, every human record and pending recovery.</summary>
    public string Fingerprint()
    {
        ulong size = Human.GetSize(Head);
        System.Text.StringBuilder text = new($"{size}/{Human.GetRoot(Head)}/{Human.GetDepth(Head)}");
        for (ulong i = 0; i < size; i++)
        {
            text.Append(';').Append(Human.GetHuman(Head, i)).Append(Human.GetPendingRecovery(Head, i));
        }

        return text.ToString();
    }

    public ulong Enroll(UInt256 commitment, Hash256[] tags)
    {
        TxReceipt receipt = SendOk(Operator, "enroll", UInt256.Zero, commitment, Words(tags));
        object[] logged = HumanRegistryEvents.HumanEnrolled.Decode(receipt.Logs.Single());
        return (ulong)(UInt256)logged[0];
    }

    public override void AssertBalanceInvariants() =>
        Assert.That(Balance(HumanRegistryState.ContractAddress), Is.EqualTo(UInt256.Zero), "the registry kept wei");

    public TxReceipt SendStaking(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Produce(Tx(StakingContract, key, function, value, args)).Receipts.Single();

    protected override SystemContract RegistryContract(SystemContractRegistry contracts) =>
        (SystemContract)contracts.Contracts.Single(c => c is HumanRegistryContract);

    private static ChainSpec Spec(Action<JsonObject>? editSpec) =>
        ChainTestKit.ModifiedSpec(json =>
        {
            JsonNode p = json["params"]!;
            p["unbondingBlocks"] = 5;
            p["epochLength"] = 1000;
            p["dedupMatch"] = DedupMatch;
            p["maxDedupTags"] = MaxTags;
            p["palmBands"] = MaxTags;
            p["deletionCooloffBlocks"] = Cooloff;
            p["recoveryDelayBlocks"] = RecoveryDelay;
            p["rootHistoryBlocks"] = RootWindow;
            editSpec?.Invoke(json);
        });
}
