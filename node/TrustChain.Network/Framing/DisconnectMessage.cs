using System.Text;

namespace TrustChain.Network.Framing;

/// <summary>Payload of <see cref="ControlMessageType.Disconnect"/>: reason byte ‖ UTF-8 detail (at most 200 bytes).</summary>
public static class DisconnectMessage
{
    public const int MaxDetailBytes = 200;

    public static byte[] Encode(DisconnectReason reason, string? detail)
    {
        byte[] text = Encoding.UTF8.GetBytes(detail ?? string.Empty);
        int length = Math.Min(text.Length, MaxDetailBytes);
        byte[] payload = new byte[1 + length];
        payload[0] = (byte)reason;
        text.AsSpan(0, length).CopyTo(payload.AsSpan(1));
        return payload;
    }

    public static (DisconnectReason Reason, string Detail) Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return (DisconnectReason.Requested, string.Empty);
        }

        ReadOnlySpan<byte> text = payload[1..];
        if (text.Length > MaxDetailBytes)
        {
            text = text[..MaxDetailBytes];
        }

        return (DisconnectReasonExtensions.FromWire(payload[0]), Encoding.UTF8.GetString(text));
    }
}
