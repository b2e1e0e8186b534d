using TrustChain.Zk.Bn254;
using TrustChain.Zk.Snarkjs;

namespace TrustChain.Zk.Groth16;

/// <summary>File-level entry points for the CLI: the snarkjs/rapidsnark workflow on paths.</summary>
public static class Groth16Files
{
    /// <summary>Like <c>rapidsnark zkey wtns proof.json public.json</c>: returns the two JSON documents as text.</summary>
    /// <exception cref="ZkFormatException">Either file is malformed.</exception>
    /// <exception cref="ArgumentException">The witness does not fit the zkey.</exception>
    public static (string ProofJson, string PublicJson) ProveFromFiles(string zkeyPath, string wtnsPath)
    {
        ZkeyFile zkey = ZkeyFile.ReadFile(zkeyPath);
        Fr[] witness = WtnsFile.ReadFile(wtnsPath);
        (Groth16Proof proof, Fr[] publicSignals) = Groth16Prover.Prove(zkey, witness);
        return (proof.ToJson(), PublicSignals.ToJson(publicSignals));
    }

    /// <summary>Like <c>snarkjs groth16 verify vk.json public.json proof.json</c>; false when the proof does not verify.</summary>
    /// <exception cref="ZkFormatException">A file is malformed or the signal count differs from the key's nPublic.</exception>
    public static bool VerifyFromFiles(string vkPath, string proofPath, string publicPath)
    {
        VerificationKey vk = VerificationKey.FromJson(ReadText(vkPath, "verification key"));
        Groth16Proof proof = Groth16Proof.FromJson(ReadText(proofPath, "proof"));
        Fr[] signals = PublicSignals.FromJson(ReadText(publicPath, "public signals"));
        if (signals.Length != vk.PublicInputCount)
        {
            throw new ZkFormatException($"The verification key expects {vk.PublicInputCount} public signals, '{publicPath}' has {signals.Length}.");
        }

        return Groth16Verifier.Verify(vk, proof, signals);
    }

    private static string ReadText(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new ZkFormatException($"Cannot read {what} file '{path}': {e.Message}", e);
        }
    }
}
