using TrustChain.Chain.Abi;
using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Chain.SystemContracts;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.SystemContracts;

/// <summary>The dispatcher called directly, as eth_call does: every revert path with its reason, gas, and rollback.</summary>
[TestFixture]
public sealed class SystemContractDispatchTests
{
    private static readonly ExampleRegistry Registry = new();
    private TempChain _chain = null!;
    private WorldState _state = null!;

    [OneTimeSetUp]
    public void OneTimeSetUp() => _chain = new TempChain();

    [SetUp]
    public void SetUp() => _state = _chain.Chain.CreateWorldStateAt(_chain.Chain.Head);

    [OneTimeTearDown]
    public void OneTimeTearDown() => _chain.Dispose();

    private static BlockContext Block => new(1, 1_767_225_601_000, Proposer, 7357, Gwei);

    private SystemCallResult Call(byte[] data, UInt256 value = default, ulong gas = 1_000_000, Address? caller = null)
    {
        if (!value.IsZero)
        {
            // The processor credits the value before the call; mirror that.
            _state.AddBalance(Registry.Address, value);
        }

        return Registry.Call(new SystemCallContext(_state, caller ?? Key1.Address, value, data, gas, Block));
    }

    private static byte[] Data(string function, params object?[] args) => Registry.Abi.GetFunction(function).EncodeCall(args);

    private static string Reason(SystemCallResult result) =>
        RevertReason.TryDecode(result.RevertData, out string? reason) ? reason : "<not Error(string)>";

    private static IEnumerable<TestCaseData> RevertPaths()
    {
        yield return new TestCaseData(Array.Empty<byte>(), 0, 1_000_000ul, SystemContract.ShortCallDataReason).SetName("Empty calldata reverts");
        yield return new TestCaseData(new byte[] { 0xa9, 0x05, 0x9c }, 0, 1_000_000ul, SystemContract.ShortCallDataReason).SetName("Three-byte calldata reverts");
        yield return new TestCaseData(new byte[] { 0xa9, 0x05, 0x9c, 0xbb }, 0, 1_000_000ul, "unknown function selector 0xa9059cbb").SetName("Unknown selector reverts");
        yield return new TestCaseData(Data("count"), 1, 1_000_000ul, "function count() is not payable").SetName("Value to a view reverts");
        yield return new TestCaseData(Data("label", UInt256.One, "x"), 5, 1_000_000ul, "function label(uint256,string) is not payable").SetName("Value to a non-payable function reverts");
        yield return new TestCaseData(Data("get", UInt256.One)[..20], 0, 1_000_000ul, "invalid arguments for get(uint256): argument 0 (uint256): data too short").SetName("Truncated arguments revert");
        yield return new TestCaseData(Data("withdraw", UInt256.One), 0, 1_000_000ul, "insufficient contract balance: have 0, need 1").SetName("Withdraw beyond the contract balance reverts");
        yield return new TestCaseData(Data("register", "", Array.Empty<object>()), 1000, 1_000_000ul, "name must not be empty").SetName("Explicit require reverts");
        yield return new TestCaseData(Data("register", "a", Array.Empty<object>()), 999, 1_000_000ul, "registration fee is 1000 wei").SetName("Insufficient fee reverts");
        yield return new TestCaseData(Data("get", (UInt256)77), 0, 1_000_000ul, "no entry 77").SetName("Missing entry reverts");
        yield return new TestCaseData(Data("brokenView"), 0, 1_000_000ul, ContractStorage.ReadOnlyReason).SetName("Write in a view reverts");
        yield return new TestCaseData(Data("burn", (UInt256)100), 0, 500_000ul, SystemContract.OutOfGasReason).SetName("Per-item gas beyond the limit is out of gas");
        yield return new TestCaseData(Data("count"), 0, 499ul, SystemContract.OutOfGasReason).SetName("Fixed gas beyond the limit is out of gas");
    }

    [TestCaseSource(nameof(RevertPaths))]
    public void Revert_paths_give_their_reason_and_leave_state_untouched(byte[] data, int value, ulong gas, string reason)
    {
        Hash256 before = _state.ComputeRoot();
        int snapshot = _state.TakeSnapshot();
        SystemCallResult result = Call(data, (UInt256)value, gas);
        if (value != 0)
        {
            // Undo only the test's own credit of the value, as the processor would.
            _state.SubtractBalance(Registry.Address, (UInt256)value);
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(Reason(result), Does.StartWith(reason));
            Assert.That(result.Logs, Is.Empty);
            Assert.That(_state.ComputeRoot(), Is.EqualTo(before), "state rolled back");
            Assert.That(result.GasUsed, reason == SystemContract.OutOfGasReason ? Is.EqualTo(gas) : Is.LessThanOrEqualTo(gas));
        });
        _state.Restore(snapshot);
    }

    [Test]
    public void Dirty_address_argument_reverts_with_the_decoders_reason()
    {
        byte[] data = Data("move", (object)new object[] { new object[] { UInt256.One, Key2.Address } });
        data[4 + 32 * 3 + 11] = 0x01;
        SystemCallResult result = Call(data);
        Assert.That(Reason(result), Does.StartWith("invalid arguments for move((uint256,address)[]): argument 0").And.Contain("dirty high-order bits"));
    }

    [Test]
    public void Custom_error_revert_data_is_selector_and_arguments()
    {
        Call(Data("register", "mine", Array.Empty<object>()), ExampleRegistry.Fee);
        SystemCallResult result = Call(Data("move", (object)new object[] { new object[] { UInt256.One, Key1.Address } }), caller: Key2.Address);
        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.False);
            Assert.That(Registry.NotOwner.TryDecode(result.RevertData, out object[] args), Is.True);
            Assert.That(args, Is.EqualTo(new object[] { UInt256.One, Key2.Address }));
        });
    }

    [Test]
    public void Successful_call_charges_fixed_plus_per_item_gas_emits_events_and_returns_outputs()
    {
        Hash256 tag = Keccak256.Compute("palm"u8);
        SystemCallResult registered = Call(Data("register", "alice", new object[] { tag.ToArray(), new byte[32] }), 5_000);
        SystemCallResult got = Call(Data("get", UInt256.One));
        object[] outputs = Registry.Abi.GetFunction("get").DecodeOutput(got.ReturnData);
        object[] log = Registry.Registered.Decode(registered.Logs.Single());
        Assert.Multiple(() =>
        {
            Assert.That(registered.Success, Is.True);
            Assert.That(registered.GasUsed, Is.EqualTo(ExampleRegistry.RegisterGas + 2 * ExampleRegistry.TagGas));
            Assert.That(Registry.Abi.GetFunction("register").DecodeOutput(registered.ReturnData)[0], Is.EqualTo(UInt256.One));
            Assert.That(registered.Logs.Single().Topics[0], Is.EqualTo(Keccak256.Compute("Registered(uint256,address,string,uint256)"u8)));
            Assert.That(log, Is.EqualTo(new object[] { UInt256.One, Key1.Address, "alice", (UInt256)5_000 }));
            Assert.That(got.GasUsed, Is.EqualTo(2_000));
            Assert.That(outputs[0], Is.EqualTo(new object[] { Key1.Address, "alice", (UInt256)5_000 }));
            Assert.That(outputs[1], Is.EqualTo(new object[] { tag.ToArray(), new byte[32] }));
        });
    }

    [Test]
    public void Indexed_string_topic_is_the_keccak_of_the_label()
    {
        SystemCallResult result = Call(Data("label", (UInt256)3, "vip"));
        Assert.That(result.Logs.Single().Topics, Is.EqualTo(new[]
        {
            Keccak256.Compute("Labelled(uint256,string)"u8), Hash256.FromUInt256(3), Keccak256.Compute("vip"u8),
        }));
    }

    [Test]
    public void Transfer_pays_out_of_the_contract_balance()
    {
        Call(Data("register", "x", Array.Empty<object>()), 10_000);
        UInt256 before = _state.GetBalance(Key2.Address);
        SystemCallResult result = Call(Data("withdraw", (UInt256)4_000), caller: Key2.Address);
        Assert.Multiple(() =>
        {
            Assert.That(result.Success, Is.True);
            Assert.That(_state.GetBalance(Key2.Address), Is.EqualTo(before + 4_000));
            Assert.That(_state.GetBalance(Registry.Address), Is.EqualTo((UInt256)6_000));
        });
    }

    [Test]
    public void Declaring_after_first_use_and_duplicate_selectors_are_rejected()
    {
        Assert.That(() => new DuplicateContract(), Throws.InvalidOperationException.With.Message.Contains("already taken"));
    }

    private sealed class DuplicateContract : SystemContract
    {
        public DuplicateContract()
            : base("Duplicate", Address.Zero)
        {
            Function("f(uint256 a)", 1, static (_, _) => []);
            Function("f(uint256 b) view", 1, static (_, _) => []);
        }
    }
}
