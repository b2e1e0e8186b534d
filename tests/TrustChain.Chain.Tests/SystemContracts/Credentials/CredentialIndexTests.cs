using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Core;
using TrustChain.Core.Transactions;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Credentials.CredentialHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>
/// The per-issuer and per-recipient uid lists are packed 16 to a storage value with the count in the list's head, so
/// appends in batches of every size across chunk boundaries (in one call, across calls, across blocks, with single
/// issues between) must page exactly like a plain list: every window, oldest first, and the issuer count is the nonce.
/// </summary>
[TestFixture]
public sealed class CredentialIndexTests
{
    private const string Schema = "bytes32 badge";

    // Batch sizes that start, end and straddle chunk boundaries (15, 16, 17, 32 entries …); 0 is a single issue().
    [TestCase(new[] { 1, 15, 1, 16, 0, 17, 33 })]
    [TestCase(new[] { 16, 16, 0, 0, 31, 2 })]
    public void Lists_page_like_a_plain_list_across_chunk_boundaries(int[] batches)
    {
        using CredentialHarness h = new();
        h.StakeIssuer(Key1);
        Hash256 schema = h.RegisterSchema(Key1, Schema, true);
        // Key3 gets every third credential and Key2 the rest, so its list fills chunks at a different pace.
        List<Hash256> issued = [];
        List<Hash256> toKey3 = [];
        int n = 0;
        foreach (int size in batches)
        {
            int items = Math.Max(size, 1);
            CredentialRequest[] requests = new CredentialRequest[items];
            for (int i = 0; i < items; i++, n++)
            {
                requests[i] = new CredentialRequest(schema, n % 3 == 0 ? Key3.Address : Key2.Address, H((byte)(n + 1)), 0, Hash256.Zero, H(0x55));
            }

            Transaction tx = size == 0
                ? h.Tx(Key1, "issue", UInt256.Zero, requests[0].SchemaUid, requests[0].Recipient, requests[0].SubjectCommitment, 0UL, Hash256.Zero, requests[0].DataHash)
                : h.Tx(Key1, "issueMany", UInt256.Zero, [requests.Select(r => (object)new object[] { r.SchemaUid, r.Recipient, r.SubjectCommitment, r.Expiration, r.RefUid, r.DataHash }).ToArray()]);
            Assert.That(h.Produce(tx).Receipts[0].Succeeded, Is.True);
            foreach (CredentialRequest r in requests)
            {
                Hash256 uid = CredentialUids.Credential(Key1.Address, (ulong)issued.Count, r);
                issued.Add(uid);
                if (r.Recipient == Key3.Address)
                {
                    toKey3.Add(uid);
                }
            }
        }

        List<Hash256> toKey2 = issued.Except(toKey3).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(h.Registry.CountByIssuer(h.Head, Key1.Address), Is.EqualTo((ulong)issued.Count));
            Assert.That(h.Registry.CountByRecipient(h.Head, Key2.Address), Is.EqualTo((ulong)toKey2.Count));
            Assert.That(h.Registry.CountByRecipient(h.Head, Key3.Address), Is.EqualTo((ulong)toKey3.Count));
            for (int offset = 0; offset <= issued.Count; offset += 5)
            {
                foreach (int limit in new[] { 1, 7, 16, 40 })
                {
                    Assert.That(h.Registry.ListByIssuer(h.Head, Key1.Address, (ulong)offset, (ulong)limit), Is.EqualTo(Window(issued, offset, limit)), $"issuer [{offset}, +{limit})");
                    Assert.That(h.Registry.ListByRecipient(h.Head, Key2.Address, (ulong)offset, (ulong)limit), Is.EqualTo(Window(toKey2, offset, limit)), $"Key2 [{offset}, +{limit})");
                    Assert.That(h.Registry.ListByRecipient(h.Head, Key3.Address, (ulong)offset, (ulong)limit), Is.EqualTo(Window(toKey3, offset, limit)), $"Key3 [{offset}, +{limit})");
                }
            }

            Assert.That(h.View("credentialsIssuedBy", Key1.Address, (UInt256)16, (UInt256)2)[0], Is.EqualTo(new object[] { issued[16].ToArray(), issued[17].ToArray() }));
            Assert.That(h.View("issuedCount", Key1.Address)[0], Is.EqualTo((UInt256)issued.Count));
        });
    }

    private static Hash256[] Window(List<Hash256> all, int offset, int limit) => all.Skip(offset).Take(limit).ToArray();
}
