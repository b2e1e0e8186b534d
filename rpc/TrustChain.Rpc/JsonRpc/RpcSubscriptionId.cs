using System.Security.Cryptography;

namespace TrustChain.Rpc.JsonRpc;

/// <summary>geth's subscription id format: 16 random bytes, hex, leading zeros trimmed, "0x" prefixed.</summary>
internal static class RpcSubscriptionId
{
    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        string hex = Convert.ToHexStringLower(bytes).TrimStart('0');
        return hex.Length == 0 ? "0x0" : "0x" + hex;
    }
}
