using TrustChain.Chain.Specs;
using TrustChain.Node.Config;

namespace TrustChain.Node.Hosting;

/// <summary>Loads a genesis file, turning format problems into configuration errors (exit code 2).</summary>
public static class GenesisLoader
{
    public static ChainSpec Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"genesis file {path} does not exist.");
        }

        try
        {
            return ChainSpec.Load(path);
        }
        catch (ChainSpecException e)
        {
            throw new ConfigException($"genesis file {path} is invalid: {e.Message}", e);
        }
    }
}
