using TrustChain.Chain.Blocks;
using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Chain.Tests.Blocks;
using TrustChain.Core;
using TrustChain.Core.Consensus;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;

namespace TrustChain.Chain.Tests.Execution;

[TestFixture]
public sealed class BlockHooksTests
{
    private static readonly Address HookAccount = Address.Parse("0x0000000000000000000000000000000000001001");
    private static readonly byte[] Slot = [0x07];

    /// <summary>Writes "block number, tx count" into storage at the end of every block.</summary>
    private sealed class RecordingHooks : IBlockHooks
    {
        public List<string> Calls { get; } = [];

        public void BeginBlock(WorldState state, BlockContext block) => Calls.Add($"begin {block.Number}");

        public void EndBlock(WorldState state, BlockContext block, IReadOnlyList<TxReceipt> receipts)
        {
            Calls.Add($"end {block.Number} {receipts.Count}");
            state.SetStorage(HookAccount, Slot, [(byte)block.Number, (byte)receipts.Count]);
        }
    }

    private sealed class StorageRootProvider : IHumanSetRootProvider
    {
        public Hash256 GetHumanSetRoot(IStateReader postState) =>
            postState.GetStorage(HookAccount, Slot) is { } value ? Keccak256.Compute(value) : Hash256.Zero;
    }

    private static BlockchainOptions WithHooks(RecordingHooks hooks)
    {
        BlockchainOptions options = new() { Hooks = new BlockHookPipeline(new StorageRootProvider()) };
        options.Hooks.Add(hooks);
        return options;
    }

    [Test]
    public void Hooks_run_around_the_transactions_and_their_effects_reach_the_roots()
    {
        RecordingHooks producerHooks = new();
        RecordingHooks followerHooks = new();
        using TempChain producer = new(options: () => WithHooks(producerHooks));
        using TempChain follower = new(options: () => WithHooks(followerHooks));
        using TempChain plain = new();

        ExecutedBlock built = producer.Produce(Transfer(Key1, 0, 1), Transfer(Key2, 0, 1));

        Assert.Multiple(() =>
        {
            Assert.That(producerHooks.Calls, Is.EqualTo(new[] { "begin 1", "end 1 2" }));
            Assert.That(built.Block.Header.HumanSetRoot, Is.EqualTo(Keccak256.Compute([1, 2])));
            Assert.That(producer.Chain.HeadState.GetStorage(HookAccount, Slot), Is.EqualTo(new byte[] { 1, 2 }));
            Assert.That(((IBlockApplication)follower.Chain).Validate(built.Block, out string? error), Is.True, error);
            Assert.That(((IBlockApplication)plain.Chain).Validate(built.Block, out string? plainError), Is.False);
            Assert.That(plainError, Does.Contain("stateRoot"));
        });
    }

    [Test]
    public void Without_a_human_registry_the_human_set_root_is_zero()
    {
        using TempChain t = new();
        Assert.That(t.Produce(Transfer(Key1, 0, 1)).Block.Header.HumanSetRoot, Is.EqualTo(Hash256.Zero));
    }
}
