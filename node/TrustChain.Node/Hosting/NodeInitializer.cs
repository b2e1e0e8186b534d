using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;

namespace TrustChain.Node.Hosting;

/// <summary>`trustchain init`: a data dir with a copy of the genesis file and the genesis block written.</summary>
public static class NodeInitializer
{
    /// <summary>
    /// Idempotent for the same genesis file; a data dir initialised from another file fails with
    /// <see cref="DataDirException"/>, a database holding another genesis block with <see cref="GenesisMismatchException"/>.
    /// </summary>
    public static BlockSummary Initialize(string genesisPath, string dataDir)
    {
        ChainSpec spec = GenesisLoader.Load(genesisPath);
        string genesisText = File.ReadAllText(genesisPath);
        string storedGenesis = NodePaths.Genesis(dataDir);
        // The genesis hash covers the parsed spec, not the file's text: the stored file still guards against an edited
        // genesis.json (even a layout-only edit) being used with an existing data dir.
        if (File.Exists(storedGenesis) && !string.Equals(File.ReadAllText(storedGenesis), genesisText, StringComparison.Ordinal))
        {
            throw new DataDirException($"data dir {dataDir} is already initialised with a different genesis file ({storedGenesis}); use another --datadir.");
        }

        Directory.CreateDirectory(dataDir);
        // Opening the chain writes genesis state and block 0 in one batch, or checks that the stored genesis matches.
        using Blockchain chain = Blockchain.Open(NodePaths.Database(dataDir), spec, NodeRunner.CreateChainOptions(spec));
        File.WriteAllText(storedGenesis, genesisText);
        return new BlockSummary(spec.Name, spec.ChainId, chain.GenesisHash, chain.Head.Number);
    }
}
