using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.SystemContracts.Staking;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>
/// What the registry harnesses (HumanRegistry, CredentialRegistry, ModelRegistry) share: a real chain (RocksDB, block builder, transaction
/// processor) with Staking and one registry installed, signed calls with locally tracked nonces, blocks that must include
/// every transaction and then pass the registry's balance invariants, and eth_call-style simulations on the head.
/// </summary>
public abstract class RegistryTestChain : IDisposable
{
    private readonly TempChain _chain;
    private readonly SystemContract _registry;
    private readonly ulong _callGas;
    private readonly ulong _maxFeeGwei;
    private readonly Dictionary<Address, ulong> _nonces = [];

    /// <param name="install">Installs Staking and the registry into fresh options (called again when the chain reopens).</param>
    protected RegistryTestChain(ChainSpec spec, Func<BlockchainOptions> install, ulong callGas, ulong maxFeeGwei)
    {
        _chain = new TempChain(spec, install);
        _callGas = callGas;
        _maxFeeGwei = maxFeeGwei;
        _registry = RegistryContract(Chain.SystemContracts);
        StakingContract = (StakingContract)Chain.SystemContracts.Contracts.Single(c => c is StakingContract);
    }

    public Blockchain Chain => _chain.Chain;

    public StakingContract StakingContract { get; }

    public IStateReader Head => Chain.HeadState;

    public ulong HeadNumber => Chain.Head.Number;

    public UInt256 Balance(Address a) => Head.GetAccount(a).Balance;

    /// <summary>A signed call to <paramref name="contract"/> with the sender's next nonce (counting calls not yet mined).</summary>
    public Transaction Tx(SystemContract contract, PrivateKey key, string function, UInt256 value, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(key);
        ulong nonce = _nonces.GetValueOrDefault(key.Address, Head.GetAccount(key.Address).Nonce);
        _nonces[key.Address] = nonce + 1;
        byte[] data = contract.Abi.GetFunction(function).EncodeCall(args);
        return ChainTestKit.Transfer(key, nonce, value, maxFeeGwei: _maxFeeGwei, tipGwei: 2, to: contract.Address, gas: _callGas, data: data);
    }

    /// <summary>One block with these transactions, all included; then the registry's invariants must hold.</summary>
    public ExecutedBlock Produce(params Transaction[] txs)
    {
        ExecutedBlock block = _chain.Produce(txs);
        Assert.That(block.Block.Transactions, Has.Count.EqualTo(txs.Length), "a transaction was not includable");
        AssertBalanceInvariants();
        return block;
    }

    public void ProduceUntil(ulong number)
    {
        while (HeadNumber < number)
        {
            Produce();
        }
    }

    public abstract void AssertBalanceInvariants();

    /// <summary>eth_call on the head: the call the next block would run, on a throw-away overlay.</summary>
    public SystemCallResult Simulate(Address caller, string function, UInt256 value, params object?[] args)
    {
        WorldState state = Chain.CreateWorldStateAt(Chain.Head);
        if (!value.IsZero)
        {
            state.SubtractBalance(caller, value);
            state.AddBalance(_registry.Address, value);
        }

        byte[] data = _registry.Abi.GetFunction(function).EncodeCall(args);
        BlockContext context = Chain.CreateSimulationContext(Chain.Head, ChainTestKit.Proposer);
        return _registry.Call(new SystemCallContext(state, caller, value, data, _callGas, context));
    }

    public object[] View(string function, params object?[] args)
    {
        SystemCallResult result = Simulate(Address.Zero, function, UInt256.Zero, args);
        Assert.That(result.Success, Is.True, $"{function} reverted: {Reason(result)}");
        return _registry.Abi.GetFunction(function).DecodeOutput(result.ReturnData);
    }

    public string? RevertReasonOf(Address caller, string function, UInt256 value, params object?[] args)
    {
        SystemCallResult result = Simulate(caller, function, value, args);
        return result.Success ? null : Reason(result);
    }

    public static string Reason(SystemCallResult result) =>
        result.RevertData is { } data && RevertReason.TryDecode(data, out string? reason) ? reason : "(no reason)";

    public void Dispose() => _chain.Dispose();

    /// <summary>The installed registry under test, picked from the chain's system contracts.</summary>
    protected abstract SystemContract RegistryContract(SystemContractRegistry contracts);
}
