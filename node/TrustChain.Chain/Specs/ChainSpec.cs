using TrustChain.Core;

namespace TrustChain.Chain.Specs;

/// <summary>The chain specification: genesis.json (DESIGN §3.5) parsed and validated.</summary>
public sealed class ChainSpec
{
    public const ulong DefaultChainId = 7357;

    public ChainSpec(
        string name,
        ulong chainId,
        ulong genesisTimestamp,
        ulong gasLimit,
        byte[] extraData,
        ChainParameters parameters,
        IReadOnlyList<GenesisAccount> alloc,
        IReadOnlyList<GenesisValidator> validators)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(extraData);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(alloc);
        ArgumentNullException.ThrowIfNull(validators);
        Name = name;
        ChainId = chainId;
        GenesisTimestamp = genesisTimestamp;
        GasLimit = gasLimit;
        ExtraData = extraData;
        Parameters = parameters;
        Alloc = alloc;
        Validators = validators;
    }

    public string Name { get; }

    public ulong ChainId { get; }

    /// <summary>Genesis block timestamp in milliseconds since the Unix epoch.</summary>
    public ulong GenesisTimestamp { get; }

    /// <summary>Gas limit of every block.</summary>
    public ulong GasLimit { get; }

    public byte[] ExtraData { get; }

    public ChainParameters Parameters { get; }

    /// <summary>Genesis balances, sorted by address bytes (deterministic state construction).</summary>
    public IReadOnlyList<GenesisAccount> Alloc { get; }

    /// <summary>Genesis validator set, in file order.</summary>
    public IReadOnlyList<GenesisValidator> Validators { get; }

    /// <summary>TrustChain's own Semaphore verification keys (genesis.json humanVerificationKeys), by ascending depth.</summary>
    public IReadOnlyList<GenesisVerificationKey> HumanVerificationKeys { get; init; } = [];

    /// <summary>The palm OPRF prover committee dealt at genesis (genesis.json proverCommittee); null when the chain has none.</summary>
    public GenesisProverCommittee? ProverCommittee { get; init; }

    public static ChainSpec Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChainSpecException("(file)", $"cannot read '{path}': {e.Message}", e);
        }

        return Parse(json);
    }

    public static ChainSpec Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ChainSpecParser.Parse(json);
    }
}
