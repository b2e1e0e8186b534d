using System.Buffers.Binary;
using TrustChain.Consensus.Tendermint;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Wal;

/// <summary>
/// Append-only log of everything that moved the engine (messages in, our own messages, timeouts), so a restarted
/// node replays the current height and rebuilds its exact round state (locks included) before talking to peers.
/// Record: length u32 BE | keccak(payload)[0..4] | payload, payload = kind byte | body. Records are written
/// through to the OS at once and fsync'd at every <see cref="WriteEndHeight"/> (and on <see cref="Sync"/>).
/// A torn record at the tail (crash mid-write) is ignored on read; a bad record followed by more data is corruption.
/// </summary>
/// <remarks>
/// Disk use is bounded by rotation: after a height's end marker is durable the file becomes the previous segment
/// (<see cref="PreviousSegmentPath"/>, replacing the one before) and a fresh file takes the appends. Replay only ever
/// needs the records after the last marker, which are all in these two segments, so at most two heights are kept.
/// A crash between the rename and the first append leaves only the previous segment, which still ends with the
/// marker: replay is the same.
/// </remarks>
public sealed class ConsensusWal : IDisposable
{
    private const int HeaderLength = 8;
    private const int MaxRecordLength = 16 * 1024 * 1024;

    private FileStream _file;

    public ConsensusWal(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FilePath = Path.GetFullPath(path);
        _file = Open(FilePath);
    }

    public string FilePath { get; }

    public string PreviousSegmentPath => PreviousSegmentOf(FilePath);

    public static string PreviousSegmentOf(string path) => path + ".1";

    public void WriteMessage(ConsensusMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Append(WalEntryKind.Message, ConsensusMessageCodec.Encode(message));
    }

    public void WriteTimeout(TimeoutInfo timeout)
    {
        byte[] body = new byte[13];
        BinaryPrimitives.WriteUInt64BigEndian(body, timeout.Height);
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(8), timeout.Round);
        body[12] = (byte)timeout.Step;
        Append(WalEntryKind.Timeout, body);
    }

    /// <summary>Marks <paramref name="height"/> decided and fsyncs: replay starts after the last such marker.</summary>
    public void WriteEndHeight(ulong height)
    {
        byte[] body = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(body, height);
        Append(WalEntryKind.EndHeight, body);
        Sync();
        Rotate();
    }

    public void Sync() => _file.Flush(flushToDisk: true);

    public void Dispose() => _file.Dispose();

    /// <summary>Every intact record in the kept segments (previous, then current), in order.</summary>
    public static List<WalEntry> ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        List<WalEntry> entries = [];
        ReadSegment(PreviousSegmentOf(path), entries);
        ReadSegment(path, entries);
        return entries;
    }

    private static void ReadSegment(string path, List<WalEntry> entries)
    {
        byte[] data = File.Exists(path) ? File.ReadAllBytes(path) : [];
        int position = 0;
        while (position < data.Length)
        {
            if (data.Length - position < HeaderLength)
            {
                break;
            }

            int length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(position));
            if (length <= 0 || length > MaxRecordLength || length > data.Length - position - HeaderLength)
            {
                if (length > 0 && length <= MaxRecordLength)
                {
                    break;
                }

                throw new InvalidDataException($"WAL {path}: impossible record length {length} at offset {position}.");
            }

            ReadOnlySpan<byte> payload = data.AsSpan(position + HeaderLength, length);
            bool intact = Keccak256.Compute(payload).Bytes[..4].SequenceEqual(data.AsSpan(position + 4, 4));
            int next = position + HeaderLength + length;
            if (!intact)
            {
                if (next >= data.Length)
                {
                    break;
                }

                throw new InvalidDataException($"WAL {path}: checksum mismatch at offset {position} with more records after it.");
            }

            entries.Add(Parse(payload, path, position));
            position = next;
        }
    }

    /// <summary>The records after the last end-of-height marker below <paramref name="height"/>: what to replay for it.</summary>
    public static List<WalEntry> ReadForHeight(string path, ulong height)
    {
        List<WalEntry> all = ReadAll(path);
        int start = 0;
        for (int i = 0; i < all.Count; i++)
        {
            if (all[i].Kind == WalEntryKind.EndHeight && all[i].Height < height)
            {
                start = i + 1;
            }
        }

        List<WalEntry> result = [];
        for (int i = start; i < all.Count; i++)
        {
            if (all[i].Kind != WalEntryKind.EndHeight && all[i].Height == height)
            {
                result.Add(all[i]);
            }
        }

        return result;
    }

    /// <summary>Feeds logged records to a freshly started engine, rebuilding its round state.</summary>
    public static void Replay(IEnumerable<WalEntry> entries, TendermintEngine engine)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(engine);
        foreach (WalEntry entry in entries)
        {
            switch (entry.Message)
            {
                case Proposal proposal:
                    engine.OnProposal(proposal);
                    break;
                case Vote vote:
                    engine.OnVote(vote);
                    break;
                case null when entry.Kind == WalEntryKind.Timeout:
                    engine.OnTimeout(entry.Timeout);
                    break;
            }
        }
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);

    private void Rotate()
    {
        _file.Dispose();
        File.Move(FilePath, PreviousSegmentPath, overwrite: true);
        _file = Open(FilePath);
    }

    private void Append(WalEntryKind kind, ReadOnlySpan<byte> body)
    {
        byte[] record = new byte[HeaderLength + 1 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(record, 1 + body.Length);
        record[HeaderLength] = (byte)kind;
        body.CopyTo(record.AsSpan(HeaderLength + 1));
        Keccak256.Compute(record.AsSpan(HeaderLength)).Bytes[..4].CopyTo(record.AsSpan(4));
        _file.Write(record);
        _file.Flush(flushToDisk: false);
    }

    private static WalEntry Parse(ReadOnlySpan<byte> payload, string path, int offset)
    {
        ReadOnlySpan<byte> body = payload[1..];
        switch ((WalEntryKind)payload[0])
        {
            case WalEntryKind.Message:
                return WalEntry.ForMessage(ConsensusMessageCodec.Decode(body));
            case WalEntryKind.Timeout when body.Length == 13 && body[12] <= (byte)ConsensusStep.Precommit:
                int round = BinaryPrimitives.ReadInt32BigEndian(body[8..]);
                if (round < 0)
                {
                    break;
                }

                return WalEntry.ForTimeout(new TimeoutInfo(BinaryPrimitives.ReadUInt64BigEndian(body), round, (ConsensusStep)body[12]));
            case WalEntryKind.EndHeight when body.Length == 8:
                return WalEntry.ForEndHeight(BinaryPrimitives.ReadUInt64BigEndian(body));
        }

        throw new InvalidDataException($"WAL {path}: malformed record of kind {payload[0]} at offset {offset}.");
    }
}
