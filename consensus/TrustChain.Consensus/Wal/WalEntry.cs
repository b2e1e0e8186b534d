using TrustChain.Consensus.Tendermint;

namespace TrustChain.Consensus.Wal;

/// <summary>One WAL record: a received (or own) message, a fired timeout, or the end of a decided height.</summary>
public sealed class WalEntry
{
    private WalEntry(WalEntryKind kind, ConsensusMessage? message, TimeoutInfo timeout, ulong height)
    {
        Kind = kind;
        Message = message;
        Timeout = timeout;
        Height = height;
    }

    public WalEntryKind Kind { get; }

    public ConsensusMessage? Message { get; }

    public TimeoutInfo Timeout { get; }

    public ulong Height { get; }

    public static WalEntry ForMessage(ConsensusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new WalEntry(WalEntryKind.Message, message, default, message.Height);
    }

    public static WalEntry ForTimeout(TimeoutInfo timeout) => new(WalEntryKind.Timeout, null, timeout, timeout.Height);

    public static WalEntry ForEndHeight(ulong height) => new(WalEntryKind.EndHeight, null, default, height);
}
