using System.Buffers.Binary;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Consensus.Tendermint;

/// <summary>
/// A fixed 123-byte record rewritten in place and fsync'd (FileStream.Flush(true)) on every save:
/// "TCPV" | version | height u64 | round i32 | step u8 | signBytesHash 32 | signature 65 | keccak check 8 (all BE).
/// One record fits in a disk sector, so a crash leaves the old or the new record; a record whose check fails is
/// refused at load (the operator must investigate) rather than treated as "never signed".
/// </summary>
public sealed class FileSignStateStore : ISignStateStore
{
    private const int RecordLength = 4 + 1 + 8 + 4 + 1 + 32 + 65 + 8;
    private const int CheckedLength = RecordLength - 8;
    private const byte Version = 1;
    private static ReadOnlySpan<byte> Magic => "TCPV"u8;

    private readonly string _path;

    public FileSignStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
    }

    public string FilePath => _path;

    public LastSignState? Load()
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        byte[] record = File.ReadAllBytes(_path);
        if (record.Length != RecordLength || !record.AsSpan(0, 4).SequenceEqual(Magic) || record[4] != Version)
        {
            throw new InvalidDataException($"Sign state file {_path} is not a version-{Version} record of {RecordLength} bytes.");
        }

        if (!Keccak256.Compute(record.AsSpan(0, CheckedLength)).Bytes[..8].SequenceEqual(record.AsSpan(CheckedLength, 8)))
        {
            throw new InvalidDataException($"Sign state file {_path} fails its checksum; refusing to guess what was signed.");
        }

        ReadOnlySpan<byte> r = record;
        ulong height = BinaryPrimitives.ReadUInt64BigEndian(r[5..]);
        int round = BinaryPrimitives.ReadInt32BigEndian(r[13..]);
        byte step = r[17];
        if (round < 0 || step is < (byte)ConsensusStep.Propose or > (byte)ConsensusStep.Precommit)
        {
            throw new InvalidDataException($"Sign state file {_path} holds an impossible round {round} or step {step}.");
        }

        return new LastSignState(height, round, (ConsensusStep)step, new Hash256(r.Slice(18, 32)), r.Slice(50, 65).ToArray());
    }

    public void Save(LastSignState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Span<byte> record = stackalloc byte[RecordLength];
        Magic.CopyTo(record);
        record[4] = Version;
        BinaryPrimitives.WriteUInt64BigEndian(record[5..], state.Height);
        BinaryPrimitives.WriteInt32BigEndian(record[13..], state.Round);
        record[17] = (byte)state.Step;
        state.SignBytesHash.CopyTo(record[18..]);
        state.Signature.CopyTo(record[50..]);
        Keccak256.Compute(record[..CheckedLength]).Bytes[..8].CopyTo(record[CheckedLength..]);
        using FileStream file = new(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        file.Write(record);
        file.Flush(flushToDisk: true);
    }
}
