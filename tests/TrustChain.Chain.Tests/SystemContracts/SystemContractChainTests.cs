using TrustChain.Chain.Abi;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Chain.State;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>
/// The example contract behind the real <see cref="Blockchain"/> and <see cref="TransactionProcessor"/> with signed
/// transactions: dispatch, gas in receipts, events as logs, revert data and rollback, out of gas.
/// </summary>
[TestFixture]
public sealed class SystemContractChainTests
{
    private readonly ExampleRegistry _registry = new();
    private TempChain _chain = null!;

    [SetUp]
    public void SetUp()
    {
        BlockchainOptions options = new();
        options.SystemContracts.Register(_registry);
        _chain = new TempChain(options: () => options);
    }

    [TearDown]
    public void TearDown() => _chain.Dispose();

    private Transaction Tx(PrivateKey key, ulong nonce, string function, UInt256 value, ulong gas, params object?[] args) =>
        Transfer(key, nonce, value, to: ExampleRegistry.ContractAddress, gas: gas, data: _registry.Abi.GetFunction(function).EncodeCall(args));

    private UInt256 Count() => new ContractStorage(_chain.Chain.HeadState, ExampleRegistry.ContractAddress).GetUInt256(StorageSlot.Named("registry.count"));

    // eth_call's path: the contract on a throw-away overlay of the head state.
    private object[] View(string function, params object?[] args)
    {
        AbiFunction f = _registry.Abi.GetFunction(function);
        WorldState overlay = _chain.Chain.CreateWorldStateAt(_chain.Chain.Head);
        SystemCallResult result = _registry.Call(new SystemCallContext(overlay, Key0.Address, UInt256.Zero, f.EncodeCall(args), 1_000_000,
            new BlockContext(_chain.Chain.Head.Number, _chain.Chain.Head.Timestamp, Proposer, 7357, Gwei)));
        Assert.That(result.Success, Is.True, () => RevertReason.TryDecode(result.RevertData, out string? r) ? r : "reverted");
        return f.DecodeOutput(result.ReturnData);
    }

    [Test]
    public void Register_in_a_block_emits_the_event_charges_exact_gas_and_is_readable()
    {
        Hash256 tag = Keccak256.Compute("tag"u8);
        Transaction register = Tx(Key1, 0, "register", 2_500, 200_000, "alice", new object[] { tag.ToArray() });
        ExecutedBlock block = _chain.Produce(register);
        TxReceipt receipt = _chain.Chain.GetReceipt(register.Hash)!;
        LogEntry log = receipt.Logs.Single();

        Assert.Multiple(() =>
        {
            Assert.That(block.Block.Transactions, Has.Count.EqualTo(1));
            Assert.That(receipt.StatusCode, Is.EqualTo(1));
            Assert.That(receipt.GasUsed, Is.EqualTo(IntrinsicGas.Calculate(register) + ExampleRegistry.RegisterGas + ExampleRegistry.TagGas));
            Assert.That(log.Address, Is.EqualTo(ExampleRegistry.ContractAddress));
            Assert.That(log.Topics, Is.EqualTo(new[]
            {
                Keccak256.Compute("Registered(uint256,address,string,uint256)"u8), Hash256.FromUInt256(1), new Hash256(Key1.Address.ToWord32()),
            }));
            Assert.That(_registry.Registered.Decode(log), Is.EqualTo(new object[] { UInt256.One, Key1.Address, "alice", (UInt256)2_500 }));
            Assert.That(receipt.Bloom, Is.EqualTo(Bloom.FromLogs([log])));
            Assert.That(Count(), Is.EqualTo(UInt256.One));
            Assert.That(_chain.Chain.HeadState.GetAccount(ExampleRegistry.ContractAddress).Balance, Is.EqualTo((UInt256)2_500));
            Assert.That(View("get", UInt256.One), Is.EqualTo(new object[] { new object[] { Key1.Address, "alice", (UInt256)2_500 }, new object[] { tag.ToArray() } }));
            Assert.That(View("count")[0], Is.EqualTo(UInt256.One));
        });
    }

    [Test]
    public void Reverted_transaction_is_included_with_status_0_and_leaves_contract_state_and_value_untouched()
    {
        _chain.Produce(Tx(Key1, 0, "register", 1_000, 200_000, "first", Array.Empty<object>()));
        Transaction moveOther = Tx(Key2, 0, "move", 0, 200_000, (object)new object[] { new object[] { UInt256.One, Key2.Address } });
        Transaction cheap = Tx(Key2, 1, "register", 999, 200_000, "cheap", Array.Empty<object>());
        UInt256 key2Before = _chain.Chain.HeadState.GetAccount(Key2.Address).Balance;

        ExecutedBlock block = _chain.Produce(moveOther, cheap);
        TxReceipt[] receipts = [_chain.Chain.GetReceipt(moveOther.Hash)!, _chain.Chain.GetReceipt(cheap.Hash)!];
        UInt256 fees = UInt256.Zero;
        foreach (TxReceipt r in receipts)
        {
            fees += r.EffectiveGasPrice * r.GasUsed;
        }

        Assert.Multiple(() =>
        {
            Assert.That(block.Block.Transactions, Has.Count.EqualTo(2));
            Assert.That(receipts.Select(r => r.StatusCode), Is.EqualTo(new byte[] { 0, 0 }));
            Assert.That(receipts.SelectMany(r => r.Logs), Is.Empty);
            Assert.That(receipts[0].GasUsed, Is.EqualTo(IntrinsicGas.Calculate(moveOther) + 5_000 + 5_000));
            Assert.That(View("get", UInt256.One)[0], Is.EqualTo(new object[] { Key1.Address, "first", (UInt256)1_000 }), "owner unchanged");
            Assert.That(Count(), Is.EqualTo(UInt256.One));
            Assert.That(_chain.Chain.HeadState.GetAccount(ExampleRegistry.ContractAddress).Balance, Is.EqualTo((UInt256)1_000), "999 wei returned");
            Assert.That(_chain.Chain.HeadState.GetAccount(Key2.Address).Balance, Is.EqualTo(key2Before - fees), "sender paid gas only");
        });
    }

    [Test]
    public void Processor_outcome_carries_the_revert_data_and_out_of_gas_consumes_the_limit()
    {
        TransactionProcessor processor = new(new TrustChain.Chain.Validation.TransactionValidator(_chain.Spec), _chain.Chain.SystemContracts);
        WorldState state = _chain.Chain.CreateWorldStateAt(_chain.Chain.Head);
        BlockContext context = new(1, _chain.Spec.GenesisTimestamp + 1000, Proposer, 7357, Gwei);
        Hash256 rootBefore = state.ComputeRoot();

        TransactionOutcome cheap = processor.Execute(state, Tx(Key1, 0, "register", 10, 200_000, "x", Array.Empty<object>()), context, 30_000_000);
        Transaction burn = Tx(Key1, 1, "burn", 0, 80_000, (UInt256)1_000);
        TransactionOutcome outOfGas = processor.Execute(state, burn, context, 30_000_000);

        Assert.Multiple(() =>
        {
            Assert.That(cheap.Success, Is.False);
            Assert.That(cheap.Error, Is.EqualTo(TransactionProcessor.RevertedError));
            Assert.That(RevertReason.TryDecode(cheap.ReturnData, out string? reason) ? reason : null, Is.EqualTo("registration fee is 1000 wei"));
            Assert.That(outOfGas.Success, Is.False);
            Assert.That(outOfGas.GasUsed, Is.EqualTo(80_000));
            Assert.That(RevertReason.TryDecode(outOfGas.ReturnData, out string? oog) ? oog : null, Is.EqualTo(SystemContract.OutOfGasReason));
            Assert.That(new ContractStorage(state, ExampleRegistry.ContractAddress).GetUInt256(StorageSlot.Named("registry.count")), Is.EqualTo(UInt256.Zero),
                "burn's storage write was rolled back");
            Assert.That(state.GetBalance(ExampleRegistry.ContractAddress), Is.EqualTo(UInt256.Zero));
            Assert.That(state.ComputeRoot(), Is.Not.EqualTo(rootBefore), "gas was still paid");
        });
    }
}
