using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Core.Transactions;

namespace TrustChain.Chain.Tests.Blocks;

/// <summary>A <see cref="Blockchain"/> on a real RocksDB in a temp directory; reopenable; deleted on dispose.</summary>
internal sealed class TempChain : IDisposable
{
    private readonly Func<BlockchainOptions>? _options;

    public TempChain(ChainSpec? spec = null, Func<BlockchainOptions>? options = null)
    {
        Spec = spec ?? ChainTestKit.RepoSpec;
        _options = options;
        DataDir = Path.Combine(Path.GetTempPath(), "tc-chain-" + Guid.NewGuid().ToString("N"));
        Chain = Blockchain.Open(DataDir, Spec, _options?.Invoke());
    }

    public string DataDir { get; }

    public ChainSpec Spec { get; }

    public Blockchain Chain { get; private set; }

    public void Reopen(ChainSpec? spec = null)
    {
        Chain.Dispose();
        Chain = Blockchain.Open(DataDir, spec ?? Spec, _options?.Invoke());
    }

    /// <summary>Builds and commits the head's child with exactly these transactions (skipping invalid ones).</summary>
    public ExecutedBlock Produce(params Transaction[] txs)
    {
        ExecutedBlock built = Chain.BuildBlock(ChainTestKit.Proposer, Chain.Head.Timestamp + 1000, null, txs);
        Chain.Commit(built.Block, ChainTestKit.CommitFor(built.Block), built);
        return built;
    }

    public void Dispose()
    {
        Chain.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
