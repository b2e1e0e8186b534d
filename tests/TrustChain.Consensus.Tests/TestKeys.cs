using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tests;

public static class TestKeys
{
    public static PrivateKey Validator(int index)
    {
        byte[] seed = new byte[4];
        BitConverter.TryWriteBytes(seed, index);
        return new PrivateKey(Keccak256.Compute(seed).Bytes);
    }
}
