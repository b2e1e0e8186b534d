using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
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
/// A real chain (RocksDB, block builder, transaction processor) with Staking and the HumanRegistry installed as the node
/// installs them, short windows, an operator (Key1) staked in block 1, signed transactions and eth_call-style views.
/// </summary>
public sealed class HumanHarness : IDisposable
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

    private readonly TempChain _chain;
    private readonly Dictionary<Address, ulong> _nonces = [];

    public HumanHarness(HumanVerificationKeys? keys = null, Action<JsonObject>? editSpec = null)
    {
        ChainSpec spec = ChainTestKit.ModifiedSpec(json =>
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
        StakingState? staking = null;
        HumanRegistryState? human = null;
        _chain = new TempChain(spec, () =>
        {
            BlockchainOptions options = new();
            staking = StakingModule.Install(options, spec.Parameters);
            human = HumanModule.Install(options, spec.Parameters, staking, keys);
            return options;
        });
        Staking = staking!;
        Human = human!;
        Parameters = spec.Parameters;
        Contract = (HumanRegistryContract)Chain.SystemContracts.Contracts.Single(c => c is HumanRegistryContract);
        StakingContract = (StakingContract)Chain.SystemContracts.Contracts.Single(c => c is StakingContract);
        TxReceipt staked = Produce(Tx(Operator, StakingContract.Abi, StakingState.ContractAddress, "stake", OperatorStake, (byte)StakingRole.EnrollmentOperator)).Receipts.Single();
        Assert.That(staked.Succeeded, Is.True, "operator stake failed");
    }

    public static UInt256 OperatorStake => 1_000 * Trust;

    public Blockchain Chain => _chain.Chain;

    public StakingState Staking { get; }

    public HumanRegistryState Human { get; }

    public ChainParameters Parameters { get; }

    public HumanRegistryContract Contract { get; }

    public StakingContract StakingContract { get; }

    public IStateReader Head => Chain.HeadState;

    public ulong HeadNumber => Chain.Head.Number;

    public ulong ChainId => Chain.Spec.ChainId;

    public UInt256 Balance(Address a) => Head.GetAccount(a).Balance;

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
        Tx(key, Contract.Abi, HumanRegistryState.ContractAddress, function, value, args);

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

    public ExecutedBlock Produce(params Transaction[] txs)
    {
        ExecutedBlock block = _chain.Produce(txs);
        Assert.That(block.Block.Transactions, Has.Count.EqualTo(txs.Length), "a transaction was not includable");
        Assert.That(Balance(HumanRegistryState.ContractAddress), Is.EqualTo(UInt256.Zero), "the registry kept wei");
        return block;
    }

    public void ProduceUntil(ulong number)
    {
        while (HeadNumber < number)
        {
            Produce();
        }
    }

    public SystemCallResult Simulate(Address caller, string function, UInt256 value, params object?[] args)
    {
        WorldState state = Chain.CreateWorldStateAt(Chain.Head);
        if (!value.IsZero)
        {
            state.SubtractBalance(caller, value);
            state.AddBalance(HumanRegistryState.ContractAddress, value);
        }

        byte[] data = Contract.Abi.GetFunction(function).EncodeCall(args);
        BlockContext context = Chain.CreateSimulationContext(Chain.Head, ChainTestKit.Proposer);
        return Contract.Call(new SystemCallContext(state, caller, value, data, CallGas, context));
    }

    public object[] View(string function, params object?[] args)
    {
        SystemCallResult result = Simulate(Address.Zero, function, UInt256.Zero, args);
        Assert.That(result.Success, Is.True, $"{function} reverted: {Reason(result)}");
        return Contract.Abi.GetFunction(function).DecodeOutput(result.ReturnData);
    }

    public string? RevertReasonOf(Address caller, string function, UInt256 value, params object?[] args)
    {
        SystemCallResult result = Simulate(caller, function, value, args);
        return result.Success ? null : Reason(result);
    }

    public static string Reason(SystemCallResult result) =>
        result.RevertData is { } data && RevertReason.TryDecode(data, out string? reason) ? reason : "(no reason)";

    public void Dispose() => _chain.Dispose();

    private Transaction Tx(PrivateKey key, ContractAbi abi, Address to, string function, UInt256 value, params object?[] args)
    {
        ulong nonce = _nonces.GetValueOrDefault(key.Address, Head.GetAccount(key.Address).Nonce);
        _nonces[key.Address] = nonce + 1;
        byte[] data = abi.GetFunction(function).EncodeCall(args);
        return ChainTestKit.Transfer(key, nonce, value, maxFeeGwei: 5, tipGwei: 2, to: to, gas: CallGas, data: data);
    }

    public TxReceipt SendStaking(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Produce(Tx(key, StakingContract.Abi, StakingState.ContractAddress, function, value, args)).Receipts.Single();
}
