using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Storage;

namespace TrustChain.Chain.Tests.State;

[TestFixture]
public class StatePersistenceTests
{
    private static readonly Address Alice = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    [Test]
    public void HistoricRoots_SurviveReopen_UntilPruned()
    {
        using TempStateDb db = new();
        Random random = new(3);
        List<Hash256> keys = [];
        for (int i = 0; i < 300; i++)
        {
            keys.Add(StateTestData.RandomKey(random));
        }

        List<Hash256> roots = [];
        List<Dictionary<Hash256, byte[]>> snapshots = [];
        Dictionary<Hash256, byte[]> current = [];
        WorldState world = db.State.OpenLatest();
        for (ulong block = 0; block < 6; block++)
        {
            foreach (Hash256 key in keys)
            {
                if (block == 0 || random.Next(3) == 0)
                {
                    byte[] value = StateTestData.RandomValue(random);
                    world.SetStorage(key, value);
                    current[key] = value;
                }
            }

            world.AddBalance(Alice, 1);
            roots.Add(db.Commit(world, block));
            snapshots.Add(new Dictionary<Hash256, byte[]>(current));
        }

        db.Reopen();
        Assert.That(db.State.LatestRoot, Is.EqualTo(roots[^1]));
        Assert.That(db.State.LatestVersion, Is.EqualTo(5));
        for (int v = 0; v < roots.Count; v++)
        {
            WorldState historic = db.State.OpenWorldState(roots[v]);
            Assert.That(historic.GetBalance(Alice), Is.EqualTo(new UInt256((ulong)v + 1)));
            foreach (Hash256 key in keys)
            {
                Assert.That(historic.GetStorage(key), Is.EqualTo(snapshots[v][key]), $"version {v}");
            }
        }

        int nodesBefore = db.CountKeys(DbColumns.StateNodes, (byte)'n');
        db.Prune(4);
        int nodesAfter = db.CountKeys(DbColumns.StateNodes, (byte)'n');
        Assert.That(nodesAfter, Is.LessThan(nodesBefore));

        db.Reopen();
        for (int v = 0; v < 4; v++)
        {
            Assert.That(() => db.State.GetReader(roots[v]), Throws.TypeOf<StateRootNotFoundException>().With.Message.Contains("pruned"));
        }

        for (int v = 4; v < roots.Count; v++)
        {
            IStateReader reader = db.State.GetReader(roots[v]);
            Assert.That(reader.GetAccount(Alice).Balance, Is.EqualTo(new UInt256((ulong)v + 1)));
            foreach (Hash256 key in keys)
            {
                Assert.That(db.State.OpenWorldState(roots[v]).GetStorage(key), Is.EqualTo(snapshots[v][key]));
                StateProof proof = db.State.GetProof(roots[v], key.Bytes);
                Assert.That(StateProof.Verify(roots[v], key, proof) && proof.Value!.SequenceEqual(snapshots[v][key]), Is.True);
            }
        }

        Assert.That(db.State.OldestRetainedVersion, Is.EqualTo(4));
        WorldState latest = db.State.OpenLatest();
        latest.AddBalance(Alice, 1);
        Assert.That(() => db.Commit(latest, 6), Throws.Nothing, "the latest state still commits after pruning");
    }

    [Test]
    public void ReaderOpenedBeforePrune_FailsClearlyAfterIt()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.AddBalance(Alice, 1);
        world.AddBalance(Address.Zero, 1);
        Hash256 first = db.Commit(world, 1);
        world.AddBalance(Alice, 1);
        db.Commit(world, 2);

        IStateReader old = db.State.GetReader(first);
        db.Prune(2);
        Assert.That(() => old.GetAccount(Alice), Throws.TypeOf<StateCorruptionException>().With.Message.Contains("pruned"));
        Assert.That(db.State.OpenLatest().GetBalance(Alice), Is.EqualTo(new UInt256(2)));
    }

    [Test]
    public void Prune_BeyondLatest_IsRejected()
    {
        using TempStateDb db = new();
        using WriteBatch batch = db.Db.CreateWriteBatch();
        Assert.That(() => db.State.Prune(0, batch), Throws.TypeOf<ArgumentOutOfRangeException>());
        WorldState world = db.State.OpenLatest();
        world.AddBalance(Alice, 1);
        db.Commit(world, 3);
        Assert.That(() => db.State.Prune(4, batch), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(batch.Count, Is.Zero);
    }

    [Test]
    public void UnwrittenBatch_ChangesNothing_OnReopen()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.AddBalance(Alice, 10);
        Hash256 committed = db.Commit(world, 1);

        world.AddBalance(Alice, 5);
        world.SetStorage(Alice, [1], [2]);
        Hash256 lost;
        using (WriteBatch batch = db.Db.CreateWriteBatch())
        {
            lost = world.Commit(batch, 2);
            Assert.That(batch.Count, Is.GreaterThan(0));
        }

        Assert.That(lost, Is.Not.EqualTo(committed));
        Assert.That(db.State.LatestRoot, Is.EqualTo(committed), "nothing is visible before MarkCommitted");
        db.Reopen();
        Assert.That(db.State.LatestRoot, Is.EqualTo(committed));
        Assert.That(db.State.LatestVersion, Is.EqualTo(1));
        Assert.That(db.State.HasRoot(lost), Is.False);
        WorldState reopened = db.State.OpenLatest();
        Assert.That(reopened.GetBalance(Alice), Is.EqualTo(new UInt256(10)));
        Assert.That(reopened.GetStorage(Alice, [1]), Is.Null);

        reopened.AddBalance(Alice, 5);
        reopened.SetStorage(Alice, [1], [2]);
        Assert.That(db.Commit(reopened, 2), Is.EqualTo(lost), "re-executing the block reproduces the same root");
    }

    [Test]
    public void FlatState_HoldsLatestValues()
    {
        using TempStateDb db = new();
        WorldState world = db.State.OpenLatest();
        world.SetStorage(Alice, [9], [1, 2, 3]);
        db.Commit(world, 1);
        world.SetStorage(Alice, [9], []);
        world.AddBalance(Alice, 3);
        db.Commit(world, 2);

        ColumnFamily flat = db.Db.GetColumnFamily(DbColumns.State);
        Assert.That(db.Db.Get(flat, StateKeys.Storage(Alice, [9]).Bytes), Is.Null);
        Assert.That(db.Db.Get(flat, StateKeys.Account(Alice).Bytes), Is.Not.Null);
    }
}
