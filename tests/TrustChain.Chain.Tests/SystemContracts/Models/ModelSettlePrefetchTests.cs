using TrustChain.Chain.SystemContracts.Models;
using TrustChain.Chain.SystemContracts.Models.Fingerprints;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.SystemContracts.Models.ModelHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>
/// The settle pre-pass: a block's user receipts are recovered ahead of execution into <see cref="RecoveredSignerCache"/>,
/// and a block settles exactly as recovering inline would (the same payments, the same reverts with the same reasons).
/// </summary>
[TestFixture]
public sealed class ModelSettlePrefetchTests
{
    private static readonly UInt256 Price = 1_000_000_000_000UL;
    private static readonly FingerprintSet Fingerprints = FingerprintSet.Generate(Keccak256.Compute("prefetch"u8).ToArray(), 16);

    private ModelHarness _h = null!;

    [SetUp]
    public void SetUp()
    {
        _h = new ModelHarness();
        _h.Register(Owner1, Fingerprints, Keccak256.Compute("weights"u8), Price, [(Owner1, 8_000)], 1_000, 1_000);
        _h.StakeHost(Host);
        _h.Authorize(1, Host.Address, Owner1);
        _h.SendOk(User, "buyAccess", 10 * Price, (UInt256)1, 10UL);
        _h.SendOk(Owner2, "buyAccess", 10 * Price, (UInt256)1, 10UL);
    }

    [TearDown]
    public void TearDown() => _h.Dispose();

    [Test]
    public void Prefetch_recovers_each_well_formed_settle_receipt_and_skips_the_rest()
    {
        byte[] user = UsageSignature(User, 1, Host.Address, 4);
        byte[] owner2 = UsageSignature(Owner2, 1, Host.Address, 3);
        Transaction[] txs =
        [
            _h.Tx(_h.Contract, Host, "settle", UInt256.Zero, (UInt256)1, User.Address, 4UL, user),
            _h.Tx(_h.Contract, Host, "settle", UInt256.Zero, (UInt256)1, Owner2.Address, 3UL, owner2),
            _h.Tx(_h.Contract, Host, "settle", UInt256.Zero, (UInt256)1, User.Address, 5UL, user[..64]),
            _h.Tx(_h.Contract, User, "buyAccess", Price, (UInt256)1, 1UL),
        ];

        _h.Contract.Prefetch(Recovered(txs));

        Hash256 userDigest = ModelTypedData.UsageDigest(ChainId, _h.Contract.Address, 1, Host.Address, 4);
        Hash256 owner2Digest = ModelTypedData.UsageDigest(ChainId, _h.Contract.Address, 1, Host.Address, 3);
        Assert.Multiple(() =>
        {
            Assert.That(_h.Contract.RecoveredSigners.Count, Is.EqualTo(2), "the short signature and the buyAccess call are left to execution");
            Assert.That(_h.Contract.RecoveredSigners.TryGet(RecoveredSignerCache.Key(userDigest, user), out Address? a), Is.True);
            Assert.That(a, Is.EqualTo(User.Address));
            Assert.That(_h.Contract.RecoveredSigners.TryGet(RecoveredSignerCache.Key(owner2Digest, owner2), out Address? b), Is.True);
            Assert.That(b, Is.EqualTo(Owner2.Address));
        });
    }

    [Test]
    public void A_prefetched_block_pays_and_reverts_as_inline_recovery_does()
    {
        UInt256 ownerBefore = _h.Balance(Owner1.Address);
        // Enough settle calls that the pre-pass goes parallel: four good receipts, one signed by the wrong key.
        List<Transaction> txs = [];
        for (ulong calls = 1; calls <= 4; calls++)
        {
            txs.Add(_h.Tx(_h.Contract, Host, "settle", UInt256.Zero, (UInt256)1, User.Address, calls, UsageSignature(User, 1, Host.Address, calls)));
            txs.Add(_h.Tx(_h.Contract, Host, "settle", UInt256.Zero, (UInt256)1, Owner2.Address, calls, UsageSignature(Owner2, 1, Host.Address, calls)));
        }

        object?[] forged = [(UInt256)1, User.Address, 9UL, UsageSignature(Rogue, 1, Host.Address, 9)];
        txs.Add(_h.Tx(_h.Contract, Host, "settle", UInt256.Zero, forged));
        IReadOnlyList<TxReceipt> receipts = _h.Produce(Recovered(txs.ToArray())).Receipts;

        Assert.Multiple(() =>
        {
            Assert.That(_h.Contract.RecoveredSigners.Count, Is.EqualTo(txs.Count), "the block's pre-pass recovered every receipt");
            Assert.That(receipts.Take(8).Select(r => r.Succeeded), Is.All.True);
            Assert.That(receipts[8].Succeeded, Is.False);
            // The eth_call on the head reads the signer the block's pre-pass cached: same reason as recovering inline.
            Assert.That(_h.RevertReasonOf(Host.Address, "settle", UInt256.Zero, forged),
                Is.EqualTo($"user signature was made by {Rogue.Address}, not by {User.Address}"));
            Assert.That(_h.View("getAccess", (UInt256)1, User.Address)[1], Is.EqualTo((UInt256)4));
            Assert.That(_h.View("getAccess", (UInt256)1, Owner2.Address)[1], Is.EqualTo((UInt256)4));
            // 8 settled calls at 80 % to the sole owner.
            Assert.That(_h.Balance(Owner1.Address) - ownerBefore, Is.EqualTo(Price * 8UL * 8_000UL / 10_000UL));
        });
    }

    [Test]
    public void Transactions_without_a_known_sender_are_left_to_execution()
    {
        // Decoded from the wire and not yet recovered: the host (the digest's sender) is unknown, so nothing is guessed.
        Transaction tx = _h.Tx(_h.Contract, Host, "settle", UInt256.Zero, (UInt256)1, User.Address, 4UL, UsageSignature(User, 1, Host.Address, 4));
        Assume.That(tx.Sender, Is.Null);
        _h.Contract.Prefetch([tx]);
        Assert.That(_h.Contract.RecoveredSigners.Count, Is.Zero);
    }

    [Test]
    public void Cache_key_needs_a_65_byte_signature() =>
        Assert.That(() => RecoveredSignerCache.Key(Hash256.Zero, new byte[64]),
            Throws.ArgumentException.With.Message.Contains("65 bytes, got 64"));

    // As the pool holds them: senders recovered (and checked against the chain id) on admission.
    private static Transaction[] Recovered(Transaction[] txs)
    {
        foreach (Transaction tx in txs)
        {
            Assert.That(SenderRecovery.TryRecover(tx, ChainId, out string? error), Is.Not.Null, error);
        }

        return txs;
    }
}
