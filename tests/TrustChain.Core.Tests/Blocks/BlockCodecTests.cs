using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Rlp;
using TrustChain.Core.Transactions;

namespace TrustChain.Core.Tests.Blocks;

public class BlockCodecTests
{
    private static Hash256 Repeated(byte b) => new(Enumerable.Repeat(b, 32).ToArray());

    private static BlockHeader SampleHeader()
    {
        byte[] bloom = new byte[256];
        bloom[0] = 0x80;
        bloom[255] = 0x01;
        return new BlockHeader
        {
            ParentHash = Repeated(1),
            Number = 1234,
            Timestamp = 1_700_000_000_123,
            Proposer = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            StateRoot = Repeated(2),
            TransactionsRoot = Repeated(3),
            ReceiptsRoot = Repeated(4),
            LogsBloom = new Bloom(bloom),
            GasLimit = 30_000_000,
            GasUsed = 0,
            BaseFeePerGas = 1_000_000_000UL,
            ValidatorsHash = Repeated(5),
            NextValidatorsHash = Repeated(6),
            LastCommitHash = Repeated(7),
            HumanSetRoot = Repeated(8),
        };
    }

    [Test]
    public void HeaderHash_MatchesEthersRlpOfTheSameFields()
    {
        // keccak(ethers.encodeRlp([...the 15 fields above in order])), 1138 bytes.
        BlockHeader header = SampleHeader();
        Assert.That(HeaderEncoder.Encode(header), Has.Length.EqualTo(568));
        Assert.That(header.Hash.ToString(), Is.EqualTo("0xd0434835da1da371d48a69b58dace6827e73a676bd655fb59f811226674bbe39"));
    }

    [Test]
    public void Header_RoundTrips_AndEveryFieldAffectsHash()
    {
        BlockHeader header = SampleHeader();
        byte[] encoded = HeaderEncoder.Encode(header);
        BlockHeader decoded = HeaderDecoder.Decode(encoded);
        Assert.That(decoded.Hash, Is.EqualTo(header.Hash));
        Assert.That(HeaderEncoder.Encode(decoded), Is.EqualTo(encoded));
        Assert.That(decoded.Timestamp, Is.EqualTo(header.Timestamp));
        Assert.That(decoded.Proposer, Is.EqualTo(header.Proposer));

        BlockHeader other = new()
        {
            ParentHash = header.ParentHash, Number = header.Number, Timestamp = header.Timestamp, Proposer = header.Proposer,
            StateRoot = header.StateRoot, TransactionsRoot = header.TransactionsRoot, ReceiptsRoot = header.ReceiptsRoot,
            LogsBloom = header.LogsBloom, GasLimit = header.GasLimit, GasUsed = header.GasUsed, BaseFeePerGas = header.BaseFeePerGas,
            ValidatorsHash = header.ValidatorsHash, NextValidatorsHash = header.NextValidatorsHash, LastCommitHash = header.LastCommitHash,
            HumanSetRoot = Repeated(9),
        };
        Assert.That(other.Hash, Is.Not.EqualTo(header.Hash));

        Assert.Throws<RlpException>(() => HeaderDecoder.Decode([.. encoded, 0x80]));
        Assert.Throws<RlpException>(() => HeaderDecoder.Decode(encoded[..^1]));
    }

    [Test]
    public void Block_RoundTrips_WithMixedTransactionsCommitAndEvidence()
    {
        PrivateKey key = new("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        Transaction legacy = TransactionSigner.Sign(new Transaction { Type = TxType.Legacy, ChainId = 9, GasPrice = 1, GasLimit = 21000, To = Address.Zero }, key);
        Transaction dynamic = TransactionSigner.Sign(new Transaction { Type = TxType.Eip1559, ChainId = 9, Nonce = 1, MaxFeePerGas = 10, MaxPriorityFeePerGas = 1, GasLimit = 21000, Data = new byte[300] }, key);
        Hash256 parent = Repeated(1);
        EcdsaSignature precommit = key.Sign(parent);
        Commit commit = new(1233, 0, parent, [new CommitSignature(key.Address, precommit.ToBytes65())]);
        Block block = new(SampleHeader(), [legacy, dynamic], commit, [[1, 2, 3], new byte[100]]);

        byte[] encoded = BlockEncoder.Encode(block);
        Block decoded = BlockDecoder.Decode(encoded);
        Assert.That(decoded.Hash, Is.EqualTo(block.Hash));
        Assert.That(decoded.Transactions.Select(t => t.Hash), Is.EqualTo(new[] { legacy.Hash, dynamic.Hash }));
        Assert.That(decoded.LastCommit!.Hash, Is.EqualTo(commit.Hash));
        Assert.That(decoded.LastCommit.Signatures[0].ValidatorAddress, Is.EqualTo(key.Address));
        Assert.That(EcdsaSignature.FromBytes65(decoded.LastCommit.Signatures[0].Signature).RecoverAddress(parent), Is.EqualTo(key.Address));
        Assert.That(decoded.Evidence, Has.Count.EqualTo(2));
        Assert.That(BlockEncoder.Encode(decoded), Is.EqualTo(encoded));

        Block genesisLike = new(SampleHeader(), [], null, []);
        Block back = BlockDecoder.Decode(BlockEncoder.Encode(genesisLike));
        Assert.That(back.LastCommit, Is.Null);
        Assert.That(back.Transactions, Is.Empty);

        Assert.Throws<RlpException>(() => BlockDecoder.Decode([.. encoded, 0xc0]));
    }

    [Test]
    public void Commit_RoundTrips_AndRejectsBadSignatureLength()
    {
        Commit commit = new(5, 2, Repeated(3), [new CommitSignature(Address.Zero, new byte[65]), new CommitSignature(Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Enumerable.Repeat((byte)7, 65).ToArray())]);
        byte[] encoded = commit.Encode();
        Commit decoded = Commit.Decode(encoded);
        Assert.That(decoded.Height, Is.EqualTo(5UL));
        Assert.That(decoded.Round, Is.EqualTo(2U));
        Assert.That(decoded.Signatures[1].Signature, Is.EqualTo(commit.Signatures[1].Signature));
        Assert.That(decoded.Encode(), Is.EqualTo(encoded));
        Assert.Throws<ArgumentException>(() => _ = new CommitSignature(Address.Zero, new byte[64]));
    }
}
