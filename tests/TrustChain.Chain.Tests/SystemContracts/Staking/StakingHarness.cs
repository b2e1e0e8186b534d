using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.SystemContracts.Staking;

/// <summary>
/// A real chain (RocksDB, block builder, transaction processor) with Staking installed as the node installs it, short
/// epochs and unbonding, signed transactions, eth_call-style simulations on the head, and native-API actions run
/// inside the next block by a block hook. After every block it checks the contract's balance equals what it owes.
/// </summary>
internal sealed class StakingHarness : IDisposable
{
    public const ulong Unbonding = 5;
    public const ulong Epoch = 4;
    public const ulong CallGas = 1_000_000;

    public static readonly UInt256 Trust = ChainParameters.WeiPerTrust;
    public static readonly PrivateKey Key3 = new("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");

    private readonly TempChain _chain;
    private readonly Dictionary<Address, ulong> _nonces = [];
    private readonly NativeActions _actions = new();

    public StakingHarness(Action<JsonObject>? editSpec = null)
    {
        ChainSpec spec = ChainTestKit.ModifiedSpec(json =>
        {
            json["params"]!["unbondingBlocks"] = Unbonding;
            json["params"]!["epochLength"] = Epoch;
            editSpec?.Invoke(json);
        });
        StakingState? staking = null;
        _chain = new TempChain(spec, () =>
        {
            BlockchainOptions options = new();
            staking = StakingModule.Install(options, spec.Parameters);
            options.Hooks.Add(_actions);
            return options;
        });
        Staking = staking!;
        Contract = (StakingContract)Chain.SystemContracts.Contracts.Single(c => c is StakingContract);
    }

    public Blockchain Chain => _chain.Chain;

    public StakingState Staking { get; }

    public StakingContract Contract { get; }

    public IStateReader Head => Chain.HeadState;

    public ulong HeadNumber => Chain.Head.Number;

    public UInt256 ContractBalance => Head.GetAccount(StakingState.ContractAddress).Balance;

    public UInt256 Balance(Address a) => Head.GetAccount(a).Balance;

    public static byte[] CompressedKey(PrivateKey key)
    {
        byte[] compressed = new byte[33];
        Assert.That(Secp256k1.TryCompressPublicKey(key.PublicKey, compressed), Is.True);
        return compressed;
    }

    public Transaction Tx(PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        ulong nonce = _nonces.GetValueOrDefault(key.Address, Head.GetAccount(key.Address).Nonce);
        _nonces[key.Address] = nonce + 1;
        byte[] data = Contract.Abi.GetFunction(function).EncodeCall(args);
        return ChainTestKit.Transfer(key, nonce, value, maxFeeGwei: 5, tipGwei: 2, to: StakingState.ContractAddress, gas: CallGas, data: data);
    }

    /// <summary>One block with one transaction; returns its receipt.</summary>
    public TxReceipt Send(PrivateKey key, string function, UInt256 value, params object?[] args) =>
        Produce(Tx(key, function, value, args)).Receipts.Single();

    /// <summary>Sends and requires success, returning the cost in wei the sender paid for gas.</summary>
    public UInt256 SendOk(PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        TxReceipt receipt = Send(key, function, value, args);
        Assert.That(receipt.Succeeded, Is.True, $"{function} failed: {receipt.Error} {RevertReasonOf(key.Address, function, value, args)}");
        return GasCost(receipt);
    }

    public static UInt256 GasCost(TxReceipt receipt) => receipt.EffectiveGasPrice * receipt.GasUsed;

    public ExecutedBlock Produce(params Transaction[] txs)
    {
        ExecutedBlock block = _chain.Produce(txs);
        Assert.That(block.Block.Transactions, Has.Count.EqualTo(txs.Length), "a transaction was not includable");
        AssertBalanceInvariant();
        return block;
    }

    /// <summary>Empty blocks until the head is at <paramref name="number"/>.</summary>
    public void ProduceUntil(ulong number)
    {
        while (HeadNumber < number)
        {
            Produce();
        }
    }

    /// <summary>Runs <paramref name="action"/> on the next block's state before its transactions, then produces it.</summary>
    public ExecutedBlock ProduceWithNative(Action<WorldState, BlockContext> action, params Transaction[] txs)
    {
        _actions.Pending.Enqueue(action);
        return Produce(txs);
    }

    public void AssertBalanceInvariant() =>
        Assert.That(ContractBalance, Is.EqualTo(Staking.GetLiabilities(Head)), $"contract balance != liabilities after block {HeadNumber}");

    /// <summary>eth_call on the head: the call the next block would run, on a throw-away overlay.</summary>
    public SystemCallResult Simulate(Address caller, string function, UInt256 value, params object?[] args)
    {
        WorldState state = Chain.CreateWorldStateAt(Chain.Head);
        if (!value.IsZero)
        {
            state.SubtractBalance(caller, value);
            state.AddBalance(StakingState.ContractAddress, value);
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

    public UInt256 ViewUInt(string function, params object?[] args) => (UInt256)View(function, args)[0];

    public string? RevertReasonOf(Address caller, string function, UInt256 value, params object?[] args)
    {
        SystemCallResult result = Simulate(caller, function, value, args);
        return result.Success ? null : Reason(result);
    }

    public static string Reason(SystemCallResult result) =>
        result.RevertData is { } data && RevertReason.TryDecode(data, out string? reason) ? reason : "(no reason)";

    public static object[] Decode(AbiEvent @event, LogEntry log) => @event.Decode(log);

    public void Dispose() => _chain.Dispose();

    private sealed class NativeActions : IBlockHooks
    {
        public Queue<Action<WorldState, BlockContext>> Pending { get; } = new();

        public void BeginBlock(WorldState state, BlockContext block)
        {
            while (Pending.TryDequeue(out Action<WorldState, BlockContext>? action))
            {
                action(state, block);
            }
        }

        public void EndBlock(WorldState state, BlockContext block, IReadOnlyList<TxReceipt> receipts)
        {
        }
    }
}
