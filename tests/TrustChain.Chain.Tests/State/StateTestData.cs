using TrustChain.Core;

namespace TrustChain.Chain.Tests.State;

internal static class StateTestData
{
    public static Hash256 RandomKey(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new Hash256(bytes);
    }

    public static byte[] RandomValue(Random random)
    {
        byte[] value = new byte[random.Next(1, 40)];
        random.NextBytes(value);
        return value;
    }

    public static Address RandomAddress(Random random)
    {
        Span<byte> bytes = stackalloc byte[20];
        random.NextBytes(bytes);
        return new Address(bytes);
    }
}
