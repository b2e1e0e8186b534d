using TrustChain.Chain.State;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.State;

/// <summary>A batched prefetch of storage slots changes nothing a later read, write, revert or root can observe.</summary>
[TestFixture]
public sealed class WorldStatePrefetchTests
{
    private static readonly Address Registry = Address.Parse("0x0000000000000000000000000000000000001001");

    [Test]
    public void Prefetched_reads_equal_plain_reads_and_keep_dirty_values_and_roots()
    {
        using TempStateDb db = new();
        WorldState setup = db.State.OpenLatest();
        for (int i = 0; i < 40; i += 2)
        {
            setup.SetStorage(Registry, Slot(i), [(byte)(i + 1)]);
        }

        db.Commit(setup, 1);

        WorldState plain = db.State.OpenLatest();
        WorldState prefetched = db.State.OpenLatest();
        prefetched.SetStorage(Registry, Slot(4), [99]);
        Hash256[] keys = Enumerable.Range(0, 50).Select(static i => StateKeys.Storage(Registry, Slot(i))).ToArray();
        prefetched.PrefetchStorage(keys);
        plain.SetStorage(Registry, Slot(4), [99]);

        Assert.Multiple(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                Assert.That(prefetched.GetStorage(keys[i]), Is.EqualTo(plain.GetStorage(keys[i])), $"slot {i}");
            }

            Assert.That(prefetched.GetStorage(keys[4]), Is.EqualTo(new byte[] { 99 }), "a dirty value is not replaced by the stored one");
            Assert.That(prefetched.GetStorage(keys[41]), Is.Null);
        });

        // Writes that restore the prefetched (absent) base value drop out of the update set, as after a plain read.
        prefetched.SetStorage(keys[45], [1]);
        prefetched.SetStorage(keys[45], []);
        plain.SetStorage(keys[45], [1]);
        plain.SetStorage(keys[45], []);
        Assert.That(prefetched.ComputeRoot(), Is.EqualTo(plain.ComputeRoot()));
    }

    [Test]
    public void Prefetch_on_a_historic_root_reads_nothing_ahead_and_stays_correct()
    {
        using TempStateDb db = new();
        WorldState first = db.State.OpenLatest();
        first.SetStorage(Registry, Slot(1), [1]);
        Hash256 old = db.Commit(first, 1);
        WorldState second = db.State.OpenLatest();
        second.SetStorage(Registry, Slot(1), [2]);
        db.Commit(second, 2);

        WorldState historic = db.State.OpenWorldState(old);
        Hash256 key = StateKeys.Storage(Registry, Slot(1));
        historic.PrefetchStorage([key, StateKeys.Storage(Registry, Slot(2))]);

        Assert.That(historic.GetStorage(key), Is.EqualTo(new byte[] { 1 }));
    }

    private static byte[] Slot(int i)
    {
        byte[] slot = new byte[32];
        slot[31] = (byte)i;
        return slot;
    }
}
