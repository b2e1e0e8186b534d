using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Storage;

namespace TrustChain.Chain.Blocks;

public sealed class BlockchainOptions
{
    public SystemContractRegistry SystemContracts { get; init; } = new();

    public BlockHookPipeline Hooks { get; init; } = new();

    /// <summary>Run in order on the genesis state after the alloc; part of the genesis hash, so fixed per network.</summary>
    public List<IGenesisInitializer> GenesisInitializers { get; init; } = [];

    /// <summary>Used only when <see cref="Blockchain.Open(string, Specs.ChainSpec, BlockchainOptions?)"/> opens the database itself.</summary>
    public RocksDbSettings? DatabaseSettings { get; init; }

    public StateDatabaseOptions? StateOptions { get; init; }

    public int MaxLogBlockRange { get; init; } = Persistence.BlockStore.DefaultMaxLogBlockRange;

    public int MaxLogResults { get; init; } = Persistence.BlockStore.DefaultMaxLogResults;

    /// <summary>Where the validator set changes at epoch boundaries (Staking installs it); null: the genesis set forever.</summary>
    public IValidatorSetSource? ValidatorSets { get; set; }

    /// <summary>Accept pre-EIP-155 legacy transactions in blocks (they are replayable across chains).</summary>
    public bool AllowUnprotectedTransactions { get; init; }
}
