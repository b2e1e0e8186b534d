using System.Numerics;
using System.Text;
using TrustChain.Zk.Bn254;
using TrustChain.Zk.Hashing;

namespace TrustChain.Zk.Semaphore;

/// <summary>
/// Semaphore v4's message and scope hashing (@semaphore-protocol/utils hash/toBigInt): a value is taken as a
/// 256-bit integer, written as 32 big-endian bytes, hashed with Keccak-256 and shifted right by 8 bits so it
/// fits the BN254 scalar field.
/// </summary>
public static class SemaphoreHash
{
    private static readonly BigInteger Limit = BigInteger.One << 256;

    /// <summary>keccak256(value as 32 big-endian bytes) &gt;&gt; 8.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or does not fit 32 bytes.</exception>
    public static Fr HashToField(BigInteger value)
    {
        Span<byte> word = stackalloc byte[32];
        WriteWord(value, word, nameof(value));
        return HashWord(word);
    }

    /// <summary>Hashes a byte string read as a big-endian integer (ethers' toBigInt of a Uint8Array), left-padded to 32 bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The integer needs more than 32 bytes.</exception>
    public static Fr HashToField(ReadOnlySpan<byte> bigEndianValue) => HashToField(ToBigInt(bigEndianValue));

    /// <summary>Hashes a string the way Semaphore does: numeric text as its integer, any other text as encodeBytes32String.</summary>
    public static Fr HashToField(string value) => HashToField(ToBigInt(value));

    /// <summary>
    /// @semaphore-protocol/utils toBigInt for strings: text that JavaScript's BigInt accepts (decimal, 0x hex, …) is
    /// that integer; any other text is ethers' encodeBytes32String (UTF-8, at most 31 bytes, zero-padded on the right).
    /// </summary>
    /// <exception cref="ArgumentException">Non-numeric text of 32 or more UTF-8 bytes, or a negative number.</exception>
    public static BigInteger ToBigInt(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // ethers rejects the empty string and falls back to encodeBytes32String(""), which is 0 as well.
        if (JsBigIntText.TryParse(value, out BigInteger number))
        {
            return number.Sign < 0 ? throw new ArgumentException($"Semaphore values cannot be negative: {value}.", nameof(value)) : number;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        if (utf8.Length > 31)
        {
            throw new ArgumentException("A non-numeric Semaphore string must be at most 31 UTF-8 bytes (bytes32 string).", nameof(value));
        }

        Span<byte> word = stackalloc byte[32];
        word.Clear();
        utf8.CopyTo(word);
        return new BigInteger(word, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>ethers' toBigInt of a byte array: the bytes as a big-endian unsigned integer (empty is 0).</summary>
    public static BigInteger ToBigInt(ReadOnlySpan<byte> bigEndianValue) => new(bigEndianValue, isUnsigned: true, isBigEndian: true);

    internal static void WriteWord(BigInteger value, Span<byte> word, string parameterName)
    {
        if (value.Sign < 0 || value >= Limit)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "Value must be a non-negative integer below 2^256.");
        }

        word.Clear();
        int length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
    }

    private static Fr HashWord(ReadOnlySpan<byte> word)
    {
        Span<byte> digest = stackalloc byte[Keccak256.HashSize];
        Keccak256.Hash(word, digest);
        // Shifting right by 8 bits is dropping the last byte of the big-endian digest.
        Span<byte> shifted = stackalloc byte[32];
        shifted[0] = 0;
        digest[..31].CopyTo(shifted[1..]);
        return Fr.FromBytesBigEndian(shifted);
    }
}
