using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Receipts;

/// <summary>An EVM-style log: emitter address, up to four topics, opaque data. RLP: [address, [topics], data].</summary>
public sealed class LogEntry
{
    public LogEntry(Address address, IReadOnlyList<Hash256> topics, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(data);
        Address = address;
        Topics = topics;
        Data = data;
    }

    public Address Address { get; }

    public IReadOnlyList<Hash256> Topics { get; }

    public byte[] Data { get; }

    public int RlpLength => LengthOfList(ContentLength);

    private int ContentLength => LengthOf(Address) + LengthOfList(Topics.Count * (1 + Hash256.Length)) + LengthOf(Data);

    public void Write(ref RlpWriter writer)
    {
        writer.WriteListHeader(ContentLength);
        writer.WriteAddress(Address);
        writer.WriteListHeader(Topics.Count * (1 + Hash256.Length));
        for (int i = 0; i < Topics.Count; i++)
        {
            writer.WriteHash(Topics[i]);
        }

        writer.WriteBytes(Data);
    }

    public static LogEntry Read(ref RlpReader reader)
    {
        RlpReader log = reader.ReadList();
        Address address = log.ReadAddress();
        RlpReader topicsReader = log.ReadList();
        List<Hash256> topics = [];
        while (topicsReader.HasMore)
        {
            topics.Add(topicsReader.ReadHash256());
        }

        byte[] data = log.ReadByteArray();
        log.CheckEnd();
        return new LogEntry(address, topics, data);
    }
}
