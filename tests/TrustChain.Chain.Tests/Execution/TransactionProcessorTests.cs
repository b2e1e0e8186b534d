using System.Numerics;
using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Execution;

[TestFixture]
public sealed class TransactionProcessorTests
{
    private static readonly UInt256 BaseFee = 1 * Gwei;
    private TempChain _chain = null!;
    private TransactionProcessor _processor = null!;
    private WorldState _state = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp()
    {
        _chain = new TempChain();
        SystemContractRegistry registry = new();
        registry.Register(new PingContract());
        _processor = new TransactionProcessor(new TrustChain.Chain.Validation.TransactionValidator(_chain.Spec), registry);
    }

    // Each test gets a fresh overlay on genesis; overlays are never committed, so the chain stays at genesis.
    [SetUp]
    public void SetUp() => _state = _chain.Chain.CreateWorldStateAt(_chain.Chain.Head);

    [OneTimeTearDown]
    public void OneTimeTearDown() => _chain.Dispose();

    private BlockContext Block => new(1, _chain.Spec.GenesisTimestamp + 1000, Proposer, 7357, BaseFee);

    private static BigInteger Big(UInt256 v) => v.ToBigInteger();

    private BigInteger TotalBalance(params Address[] addresses)
    {
        BigInteger sum = 0;
        foreach (Address a in addresses)
        {
            sum += Big(_state.GetBalance(a));
        }

        return sum;
    }

    // maxFee/tip in gwei, or a legacy gas price: effective price = min(maxFee, base + tip); tip = price - base.
    [TestCase(5ul, 2ul, false, 3ul)]
    [TestCase(2ul, 2ul, false, 2ul)]
    [TestCase(1ul, 0ul, false, 1ul)]
    [TestCase(4ul, 0ul, true, 4ul)]
    public void Transfer_moves_value_charges_gas_pays_tip_and_burns_base_fee(ulong maxFeeGwei, ulong tipGwei, bool legacy, ulong expectedPriceGwei)
    {
        UInt256 value = UInt256.Parse("1234567890123456789");
        Transaction tx = legacy ? LegacyTransfer(Key1, 0, value, maxFeeGwei) : Transfer(Key1, 0, value, maxFeeGwei, tipGwei);
        BigInteger senderBefore = Big(_state.GetBalance(Key1.Address));
        BigInteger recipientBefore = Big(_state.GetBalance(Recipient));
        BigInteger supplyBefore = TotalBalance(Key1.Address, Recipient, Proposer);

        TransactionOutcome outcome = _processor.Execute(_state, tx, Block, 30_000_000);

        BigInteger price = new BigInteger(expectedPriceGwei) * Gwei;
        BigInteger tip = price - Gwei;
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Success, Is.True);
            Assert.That(outcome.GasUsed, Is.EqualTo(21_000));
            Assert.That(Big(outcome.EffectiveGasPrice), Is.EqualTo(price));
            Assert.That(Big(_state.GetBalance(Key1.Address)), Is.EqualTo(senderBefore - Big(value) - 21_000 * price));
            Assert.That(Big(_state.GetBalance(Recipient)), Is.EqualTo(recipientBefore + Big(value)));
            Assert.That(Big(_state.GetBalance(Proposer)), Is.EqualTo(21_000 * tip));
            Assert.That(supplyBefore - TotalBalance(Key1.Address, Recipient, Proposer), Is.EqualTo(new BigInteger(21_000) * Gwei), "burned");
            Assert.That(_state.GetNonce(Key1.Address), Is.EqualTo(1));
        });
    }

    [Test]
    public void Call_with_data_to_a_non_system_address_fails_consuming_all_gas_and_keeps_the_value()
    {
        Address target = Address.Parse("0x00000000000000000000000000000000deadbeef");
        Transaction tx = Transfer(Key1, 0, 1_000_000, to: target, gas: 100_000, data: [0xa9, 0x05, 0x9c, 0xbb]);
        BigInteger before = Big(_state.GetBalance(Key1.Address));

        TransactionOutcome outcome = _processor.Execute(_state, tx, Block, 30_000_000);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Success, Is.False);
            Assert.That(outcome.GasUsed, Is.EqualTo(100_000));
            Assert.That(outcome.Error, Does.StartWith("execution reverted"));
            Assert.That(_state.GetBalance(target), Is.EqualTo(UInt256.Zero));
            Assert.That(Big(_state.GetBalance(Key1.Address)), Is.EqualTo(before - 100_000 * 3 * (BigInteger)Gwei));
            Assert.That(_state.GetNonce(Key1.Address), Is.EqualTo(1));
        });
    }

    [Test]
    public void System_contract_call_succeeds_with_logs_and_intrinsic_plus_call_gas()
    {
        Transaction tx = Transfer(Key1, 0, 7, to: PingContract.ContractAddress, gas: 60_000, data: [0x01]);
        TransactionOutcome outcome = _processor.Execute(_state, tx, Block, 30_000_000);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Success, Is.True);
            Assert.That(outcome.GasUsed, Is.EqualTo(IntrinsicGas.Calculate(tx) + PingContract.CallGas));
            Assert.That(outcome.Logs, Has.Count.EqualTo(1));
            Assert.That(outcome.Logs[0].Topics[1], Is.EqualTo(PingContract.Word(Key1.Address)));
            Assert.That(PingContract.Count(_state), Is.EqualTo(1));
            Assert.That(_state.GetBalance(PingContract.ContractAddress), Is.EqualTo((UInt256)7));
        });
    }

    [Test]
    public void Reverting_system_contract_call_undoes_its_state_changes_and_value_but_charges_gas()
    {
        _processor.Execute(_state, Transfer(Key1, 0, 0, to: PingContract.ContractAddress, gas: 60_000, data: [0x01]), Block, 30_000_000);
        BigInteger before = Big(_state.GetBalance(Key1.Address));
        Transaction tx = Transfer(Key1, 1, 5, to: PingContract.ContractAddress, gas: 60_000, data: [0xFF]);

        TransactionOutcome outcome = _processor.Execute(_state, tx, Block, 30_000_000);

        ulong expectedGas = IntrinsicGas.Calculate(tx) + PingContract.RevertGas;
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Success, Is.False);
            Assert.That(outcome.Error, Is.EqualTo("execution reverted"));
            Assert.That(outcome.ReturnData, Is.EqualTo(PingContract.RevertReason));
            Assert.That(outcome.GasUsed, Is.EqualTo(expectedGas));
            Assert.That(PingContract.Count(_state), Is.EqualTo(1), "storage write of the reverted call undone");
            Assert.That(Big(_state.GetBalance(Key1.Address)), Is.EqualTo(before - expectedGas * 3 * (BigInteger)Gwei), "value and contract credit undone");
            Assert.That(_state.GetNonce(Key1.Address), Is.EqualTo(2));
        });
    }

    [Test]
    public void Call_reporting_more_gas_than_available_is_out_of_gas_and_consumes_the_limit()
    {
        Transaction tx = Transfer(Key1, 0, 0, to: PingContract.ContractAddress, gas: 40_000, data: [0xEE]);
        TransactionOutcome outcome = _processor.Execute(_state, tx, Block, 30_000_000);
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Success, Is.False);
            Assert.That(outcome.Error, Is.EqualTo("out of gas"));
            Assert.That(outcome.GasUsed, Is.EqualTo(40_000));
        });
    }

    private static IEnumerable<TestCaseData> NonIncludable()
    {
        yield return new TestCaseData(Transfer(Key1, 1, 1), TxValidationError.NonceTooHigh).SetName("nonce ahead");
        yield return new TestCaseData(Transfer(PoorKey, 0, 1), TxValidationError.InsufficientFunds).SetName("unfunded sender");
        yield return new TestCaseData(Transfer(Key1, 0, 1, maxFeeGwei: 0, tipGwei: 0), TxValidationError.FeeCapBelowBaseFee).SetName("fee cap below base fee");
        yield return new TestCaseData(Transfer(Key1, 0, 1, gas: 20_000), TxValidationError.IntrinsicGasTooLow).SetName("gas below intrinsic");
    }

    [TestCaseSource(nameof(NonIncludable))]
    public void Non_includable_transaction_throws_and_leaves_state_untouched(Transaction tx, TxValidationError error)
    {
        Hash256 rootBefore = _state.ComputeRoot();
        InvalidTransactionException e = Assert.Throws<InvalidTransactionException>(() => _processor.Execute(_state, tx, Block, 30_000_000))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.Error, Is.EqualTo(error));
            Assert.That(_state.ComputeRoot(), Is.EqualTo(rootBefore));
        });
    }

    [Test]
    public void Nonce_too_low_uses_geths_message()
    {
        _processor.Execute(_state, Transfer(Key1, 0, 1), Block, 30_000_000);
        InvalidTransactionException e = Assert.Throws<InvalidTransactionException>(() => _processor.Execute(_state, Transfer(Key1, 0, 2), Block, 30_000_000))!;
        Assert.That(e.Reason, Is.EqualTo($"nonce too low: address {Key1.Address}, tx: 0 state: 1"));
    }

    [Test]
    public void Transaction_over_the_remaining_block_gas_is_not_includable()
    {
        Assert.Throws<InvalidTransactionException>(() => _processor.Execute(_state, Transfer(Key1, 0, 1), Block, 20_999));
    }
}
