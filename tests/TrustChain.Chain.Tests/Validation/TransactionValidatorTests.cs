using TrustChain.Chain.Specs;
using TrustChain.Chain.State;
using TrustChain.Chain.Tests.Specs;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Transactions;
using TransactionValidator = TrustChain.Chain.Validation.TransactionValidator;

namespace TrustChain.Chain.Tests.Validation;

public class TransactionValidatorTests
{
    private const ulong Gwei = TestTx.Gwei;
    private static readonly UInt256 BaseFee = Gwei;
    private static readonly string Sender0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private ChainSpec _spec = null!;
    private TransactionValidator _validator = null!;

    [OneTimeSetUp]
    public void LoadSpec()
    {
        _spec = ChainSpec.Load(RepoGenesis.Path);
        _validator = new TransactionValidator(_spec);
    }

    [Test]
    public void Valid_eip1559_transfer_passes_and_recovers_the_sender()
    {
        Transaction tx = TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, value: 5);
        Assert.That(tx.Sender, Is.Null);

        Assert.That(_validator.ValidateStateless(tx), Is.EqualTo(TxValidationResult.Ok));
        Assert.That(tx.Sender, Is.EqualTo(DevKeys.Address0));
    }

    [Test]
    public void Valid_eip155_legacy_transfer_passes()
    {
        Transaction tx = TestTx.Legacy(DevKeys.Key1, 0, 2 * Gwei);
        Assert.That(_validator.ValidateStateless(tx).IsValid, Is.True);
        Assert.That(tx.Sender, Is.EqualTo(DevKeys.Address1));
    }

    private static IEnumerable<TestCaseData> StatelessFailures()
    {
        yield return Case("type 1 not accepted", () => TestTx.AccessListTx(DevKeys.Key0, 0),
            TxValidationError.TxTypeNotSupported, "transaction type not supported: tx type 1 not supported by this chain");
        yield return Case("oversized", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 5_000_000, data: new byte[131_072]),
            TxValidationError.OversizedData, "oversized data: transaction size ");
        yield return Case("pre-EIP-155 legacy", () => TestTx.Legacy(DevKeys.Key0, 0, 2 * Gwei, chainId: null),
            TxValidationError.UnprotectedTransaction, "only replay-protected (EIP-155) transactions allowed over RPC");
        yield return Case("legacy for mainnet", () => TestTx.Legacy(DevKeys.Key0, 0, 2 * Gwei, chainId: 1),
            TxValidationError.InvalidChainId, "invalid chain id for signer: have 1 want 7357");
        yield return Case("typed for another chain", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, chainId: 7358),
            TxValidationError.InvalidChainId, "invalid chain id for signer: have 7358 want 7357");
        yield return Case("gas above block limit", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 30_000_001),
            TxValidationError.GasLimitExceeded, "exceeds block gas limit");
        yield return Case("tip above fee cap", () => TestTx.Eip1559(DevKeys.Key0, 0, Gwei, Gwei + 1),
            TxValidationError.TipAboveFeeCap, "max priority fee per gas higher than max fee per gas: maxPriorityFeePerGas: 1000000001, maxFeePerGas: 1000000000");
        yield return Case("contract creation", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 100_000, create: true),
            TxValidationError.ContractCreationNotSupported, "contract creation not supported");
        yield return Case("high-s signature", () => HighS(TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei), keepSender: false),
            TxValidationError.InvalidSender, "invalid sender: invalid transaction v, r, s values");
        yield return Case("high-s even with a known sender", () => HighS(TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei), keepSender: true),
            TxValidationError.InvalidSender, "invalid sender: invalid transaction v, r, s values");
        yield return Case("unsigned", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei).WithSignature(0, 0, 0, null),
            TxValidationError.InvalidSender, "invalid sender: invalid transaction v, r, s values");
        yield return Case("r above the curve order", () => WithR(TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei), EcdsaSignature.CurveOrder),
            TxValidationError.InvalidSender, "invalid sender: invalid transaction v, r, s values");
        yield return Case("nonce at max value", () => TestTx.Eip1559(DevKeys.Key0, ulong.MaxValue, 2 * Gwei, Gwei),
            TxValidationError.NonceMax, $"nonce has max value: address {Sender0}, nonce: 18446744073709551615");
        yield return Case("intrinsic gas too low", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 20_000),
            TxValidationError.IntrinsicGasTooLow, "intrinsic gas too low: gas 20000, minimum needed 21000");
        yield return Case("calldata not covered", () => TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 21_015, data: [1]),
            TxValidationError.IntrinsicGasTooLow, "intrinsic gas too low: gas 21015, minimum needed 21016");
    }

    [TestCaseSource(nameof(StatelessFailures))]
    public void Stateless_failure(Func<Transaction> build, TxValidationError error, string message)
    {
        TxValidationResult result = _validator.ValidateStateless(build());

        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.Message, Does.StartWith(message));
    }

    [Test]
    public void Oversized_message_reports_size_and_limit()
    {
        Transaction tx = TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 5_000_000, data: new byte[131_072]);
        int size = TransactionEncoder.Encode(tx).Length;
        Assert.That(_validator.ValidateStateless(tx).Message, Is.EqualTo($"oversized data: transaction size {size}, limit 131072"));
    }

    [Test]
    public void Unprotected_legacy_is_accepted_when_allowed()
    {
        var permissive = new TransactionValidator(_spec, allowUnprotectedTransactions: true);
        Transaction tx = TestTx.Legacy(DevKeys.Key2, 0, 2 * Gwei, chainId: null);
        Assert.That(permissive.ValidateStateless(tx).IsValid, Is.True);
        Assert.That(tx.Sender, Is.EqualTo(DevKeys.Address2));
    }

    [Test]
    public void Stateful_checks_against_real_state()
    {
        using var state = new TestState();
        state.Fund(DevKeys.Address0, UInt256.Parse("1000000000000000000"), nonce: 5).Fund(DevKeys.Address1, 1);
        IStateReader head = state.Commit();

        Transaction ok = Validated(TestTx.Eip1559(DevKeys.Key0, 5, 2 * Gwei, Gwei, value: 1000));
        Assert.That(_validator.ValidateStateful(ok, head, BaseFee), Is.EqualTo(TxValidationResult.Ok));

        AssertFails(_validator.ValidateStateful(Validated(TestTx.Eip1559(DevKeys.Key0, 3, 2 * Gwei, Gwei)), head, BaseFee),
            TxValidationError.NonceTooLow, $"nonce too low: address {Sender0}, tx: 3 state: 5");

        Transaction ahead = Validated(TestTx.Eip1559(DevKeys.Key0, 7, 2 * Gwei, Gwei));
        Assert.That(_validator.ValidateStateful(ahead, head, BaseFee).IsValid, Is.True, "the pool queues future nonces");
        AssertFails(_validator.ValidateStateful(ahead, head, BaseFee, requireExactNonce: true),
            TxValidationError.NonceTooHigh, $"nonce too high: address {Sender0}, tx: 7 state: 5");

        AssertFails(_validator.ValidateStateful(Validated(TestTx.Eip1559(DevKeys.Key0, 5, Gwei / 2, 0)), head, BaseFee),
            TxValidationError.FeeCapBelowBaseFee,
            $"max fee per gas less than block base fee: address {Sender0}, maxFeePerGas: 500000000, baseFee: 1000000000");

        AssertFails(_validator.ValidateStateful(Validated(TestTx.Legacy(DevKeys.Key1, 0, 2 * Gwei)), head, BaseFee),
            TxValidationError.InsufficientFunds,
            "insufficient funds for gas * price + value: address 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 have 1 want 42000000000000");

        // Exactly affordable: balance == gas × feeCap + value.
        using var exact = new TestState();
        IStateReader exactHead = exact.Fund(DevKeys.Address1, 21_000 * 2 * Gwei + 7).Commit();
        Assert.That(_validator.ValidateStateful(Validated(TestTx.Legacy(DevKeys.Key1, 0, 2 * Gwei, value: 7)), exactHead, BaseFee).IsValid, Is.True);
        AssertFails(_validator.ValidateStateful(Validated(TestTx.Legacy(DevKeys.Key1, 0, 2 * Gwei, value: 8)), exactHead, BaseFee),
            TxValidationError.InsufficientFunds, $"insufficient funds for gas * price + value: address 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 have {21_000 * 2 * Gwei + 7} want {21_000 * 2 * Gwei + 8}");
    }

    [Test]
    public void Combined_validate_stops_at_the_first_stateless_error()
    {
        using var state = new TestState();
        IStateReader head = state.Commit();
        TxValidationResult result = _validator.Validate(TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei, gas: 20_000), head, BaseFee);
        Assert.That(result.Error, Is.EqualTo(TxValidationError.IntrinsicGasTooLow));

        TxValidationResult broke = _validator.Validate(TestTx.Eip1559(DevKeys.Key0, 0, 2 * Gwei, Gwei), head, BaseFee);
        Assert.That(broke.Error, Is.EqualTo(TxValidationError.InsufficientFunds));
    }

    private Transaction Validated(Transaction tx)
    {
        Assert.That(_validator.ValidateStateless(tx).IsValid, Is.True);
        return tx;
    }

    private static void AssertFails(TxValidationResult result, TxValidationError error, string message)
    {
        Assert.That(result.Error, Is.EqualTo(error));
        Assert.That(result.Message, Is.EqualTo(message));
    }

    private static Transaction HighS(Transaction tx, bool keepSender)
    {
        UInt256 flippedS = EcdsaSignature.CurveOrder - tx.S;
        UInt256 flippedV = tx.V.IsZero ? UInt256.One : UInt256.Zero;
        return tx.WithSignature(flippedV, tx.R, flippedS, keepSender ? DevKeys.Address0 : null);
    }

    private static Transaction WithR(Transaction tx, UInt256 r) => tx.WithSignature(tx.V, r, tx.S, null);

    private static TestCaseData Case(string name, Func<Transaction> build, TxValidationError error, string message) =>
        new TestCaseData(build, error, message).SetName($"Stateless: {name}");
}
