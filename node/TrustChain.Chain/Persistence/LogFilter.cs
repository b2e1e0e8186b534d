using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.Persistence;

/// <summary>
/// eth_getLogs criteria over an inclusive block range. Addresses: null or empty = any, else an OR-list.
/// Topics: per position, null = any, else an OR-list of values (the eth_getLogs semantics).
/// </summary>
public sealed class LogFilter
{
    public const int MaxTopicPositions = 4;

    public LogFilter(ulong fromBlock, ulong toBlock, IReadOnlyList<Address>? addresses = null, IReadOnlyList<IReadOnlyList<Hash256>?>? topics = null)
    {
        if (fromBlock > toBlock)
        {
            throw new ArgumentException($"invalid block range: fromBlock {fromBlock} is after toBlock {toBlock}", nameof(fromBlock));
        }

        if (topics is not null && topics.Count > MaxTopicPositions)
        {
            throw new ArgumentException($"too many topic positions: {topics.Count}, at most {MaxTopicPositions}", nameof(topics));
        }

        FromBlock = fromBlock;
        ToBlock = toBlock;
        Addresses = addresses is { Count: > 0 } ? addresses : null;
        Topics = topics ?? [];
    }

    public ulong FromBlock { get; }

    public ulong ToBlock { get; }

    public IReadOnlyList<Address>? Addresses { get; }

    public IReadOnlyList<IReadOnlyList<Hash256>?> Topics { get; }

    /// <summary>True when no criterion restricts the logs (every log in the range matches).</summary>
    public bool IsUnrestricted
    {
        get
        {
            if (Addresses is not null)
            {
                return false;
            }

            for (int i = 0; i < Topics.Count; i++)
            {
                if (Topics[i] is { Count: > 0 })
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool Matches(LogEntry log)
    {
        if (Addresses is not null && !Contains(Addresses, log.Address))
        {
            return false;
        }

        for (int position = 0; position < Topics.Count; position++)
        {
            IReadOnlyList<Hash256>? wanted = Topics[position];
            if (wanted is not { Count: > 0 })
            {
                continue;
            }

            if (position >= log.Topics.Count || !Contains(wanted, log.Topics[position]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<Address> list, Address value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<Hash256> list, Hash256 value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }
}
