using TrustChain.Core.Crypto;
using TrustChain.Core.Rlp;
using static TrustChain.Core.Rlp.Rlp;

namespace TrustChain.Core.Blocks;

/// <summary>
/// The precommit signatures (≥ 2/3 stake) that finalized a block. RLP: [height, round, blockHash,
/// [[validatorAddress, signature65], ...]]; <see cref="Hash"/> = keccak of that, used as lastCommitHash.
/// </summary>
public sealed class Commit
{
    private const int SignatureItem = 1 + Address.Length + 2 + CommitSignature.SignatureLength;

    public Commit(ulong height, uint round, Hash256 blockHash, IReadOnlyList<CommitSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        Height = height;
        Round = round;
        BlockHash = blockHash;
        Signatures = signatures;
    }

    public ulong Height { get; }

    public uint Round { get; }

    public Hash256 BlockHash { get; }

    public IReadOnlyList<CommitSignature> Signatures { get; }

    public Hash256 Hash => Keccak256.Compute(Encode());

    public int RlpLength => LengthOfList(ContentLength);

    private int ContentLength => LengthOf(Height) + LengthOf((ulong)Round) + 1 + Hash256.Length
        + LengthOfList(Signatures.Count * LengthOfList(SignatureItem));

    public byte[] Encode()
    {
        byte[] result = new byte[RlpLength];
        RlpWriter writer = new(result);
        Write(ref writer);
        return result;
    }

    public void Write(ref RlpWriter writer)
    {
        writer.WriteListHeader(ContentLength);
        writer.WriteUInt64(Height);
        writer.WriteUInt64(Round);
        writer.WriteHash(BlockHash);
        writer.WriteListHeader(Signatures.Count * LengthOfList(SignatureItem));
        foreach (CommitSignature signature in Signatures)
        {
            writer.WriteListHeader(SignatureItem);
            writer.WriteAddress(signature.ValidatorAddress);
            writer.WriteBytes(signature.Signature);
        }
    }

    public static Commit Decode(ReadOnlySpan<byte> encoded)
    {
        RlpReader reader = new(encoded);
        Commit commit = Read(ref reader);
        reader.CheckEnd();
        return commit;
    }

    public static Commit Read(ref RlpReader reader)
    {
        RlpReader r = reader.ReadList();
        ulong height = r.ReadUInt64();
        ulong round = r.ReadUInt64();
        if (round > uint.MaxValue)
        {
            throw new RlpException($"Commit round {round} exceeds 32 bits.");
        }

        Hash256 blockHash = r.ReadHash256();
        RlpReader list = r.ReadList();
        List<CommitSignature> signatures = [];
        while (list.HasMore)
        {
            RlpReader item = list.ReadList();
            Address validator = item.ReadAddress();
            ReadOnlySpan<byte> signature = item.ReadBytes();
            if (signature.Length != CommitSignature.SignatureLength)
            {
                throw new RlpException($"Commit signature must be {CommitSignature.SignatureLength} bytes, got {signature.Length}.");
            }

            item.CheckEnd();
            signatures.Add(new CommitSignature(validator, signature.ToArray()));
        }

        r.CheckEnd();
        return new Commit(height, (uint)round, blockHash, signatures);
    }
}
