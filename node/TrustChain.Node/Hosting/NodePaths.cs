namespace TrustChain.Node.Hosting;

/// <summary>Layout of a data dir: the genesis copy `init` writes, the RocksDB directory and the default keystore.</summary>
public static class NodePaths
{
    public static string Genesis(string dataDir) => Path.Combine(dataDir, "genesis.json");

    public static string Database(string dataDir) => Path.Combine(dataDir, "db");

    public static string Keystore(string dataDir) => Path.Combine(dataDir, "keystore");

    /// <summary>The dev genesis shipped next to the binary.</summary>
    public static string BundledDevGenesis => Path.Combine(AppContext.BaseDirectory, "genesis.json");
}
