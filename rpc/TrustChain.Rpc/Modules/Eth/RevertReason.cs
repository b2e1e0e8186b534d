using System.Buffers.Binary;
using System.Text;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>Decodes Solidity <c>Error(string)</c> revert data (selector 0x08c379a0) into its message.</summary>
public static class RevertReason
{
    private static ReadOnlySpan<byte> ErrorSelector => [0x08, 0xC3, 0x79, 0xA0];

    /// <summary>The reason string, or null when the data is not a well-formed Error(string).</summary>
    public static string? TryDecode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 + 64 || !revertData[..4].SequenceEqual(ErrorSelector))
        {
            return null;
        }

        ReadOnlySpan<byte> body = revertData[4..];
        if (!TryReadWord(body[..32], out ulong offset) || offset > (ulong)body.Length - 32)
        {
            return null;
        }

        int start = (int)offset;
        if (!TryReadWord(body.Slice(start, 32), out ulong length) || length > (ulong)(body.Length - start - 32))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Slice(start + 32, (int)length));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool TryReadWord(ReadOnlySpan<byte> word, out ulong value)
    {
        value = 0;
        if (word[..24].ContainsAnyExcept((byte)0))
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
        return true;
    }
}
