namespace TrustChain.Storage.Tests;

public class IteratorTests
{
    private const string Prefixed = "prefixed";

    private static readonly byte[][] Keys =
    [
        [], [0x00], [0x00, 0x00], [0x00, 0xFF], [0x01], [0x61], [0x61, 0x00], [0x61, 0x61], [0x61, 0x61, 0xFF],
        [0x61, 0x62], [0x61, 0xFF], [0x61, 0xFF, 0xFF], [0x62], [0x7F], [0x80], [0xFE, 0xFF], [0xFF], [0xFF, 0xFF, 0xFF],
    ];

    private TempDirectory _dir = null!;
    private RocksDatabase _db = null!;
    private ColumnFamily _cf = null!;
    private SortedDictionary<byte[], byte[]> _model = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        var settings = new RocksDbSettings { PrefixLengths = new Dictionary<string, int> { [Prefixed] = 2 } };
        _db = RocksDatabase.Open(_dir.Combine("db"), [DbColumns.State, Prefixed], settings);
        _cf = _db.GetColumnFamily(DbColumns.State);
        _model = new SortedDictionary<byte[], byte[]>(ByteKeyComparer.Instance);
        // Insert in scrambled order; half go through an SST so iteration merges memtable and files.
        for (int n = 0; n < Keys.Length; n++)
        {
            byte[] key = Keys[n * 7 % Keys.Length];
            byte[] value = ReadWriteTests.Pattern(n + 1, n);
            _db.Put(_cf, key, value);
            _model[key] = value;
            if (n == Keys.Length / 2)
            {
                _db.Flush();
            }
        }

        Assert.That(_model, Has.Count.EqualTo(Keys.Length));
    }

    [TearDown]
    public void TearDown()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Test]
    public void ForwardScan_VisitsAllKeysInByteOrder()
    {
        using RocksIterator it = _db.CreateIterator(_cf);
        var seen = new List<(byte[], byte[])>();
        for (it.SeekToFirst(); it.Valid; it.Next())
        {
            seen.Add((it.Key.ToArray(), it.Value.ToArray()));
        }

        Assert.That(seen, Is.EqualTo(_model.Select(kv => (kv.Key, kv.Value)).ToList()));
    }

    [Test]
    public void BackwardScan_VisitsAllKeysInReverseByteOrder()
    {
        using RocksIterator it = _db.CreateIterator(_cf);
        var seen = new List<byte[]>();
        for (it.SeekToLast(); it.Valid; it.Prev())
        {
            seen.Add(it.Key.ToArray());
        }

        Assert.That(seen, Is.EqualTo(_model.Keys.Reverse().ToList()));
    }

    private static IEnumerable<TestCaseData> BoundCases()
    {
        yield return new TestCaseData(new byte[] { 0x61 }, new byte[] { 0x62 }).SetName("Bounds_a_to_b");
        yield return new TestCaseData(new byte[] { 0x00, 0x00 }, new byte[] { 0x61, 0x61 }).SetName("Bounds_0000_to_aa");
        yield return new TestCaseData(null, new byte[] { 0x01 }).SetName("Bounds_upper_only");
        yield return new TestCaseData(new byte[] { 0xFE }, null).SetName("Bounds_lower_only");
        yield return new TestCaseData(new byte[] { 0x61, 0x63 }, new byte[] { 0x61, 0xFF }).SetName("Bounds_empty_range");
        yield return new TestCaseData(Array.Empty<byte>(), Array.Empty<byte>()).SetName("Bounds_empty_upper_excludes_everything");
    }

    [TestCaseSource(nameof(BoundCases))]
    public void Bounds_ForwardAndBackward_MatchModel(byte[]? lower, byte[]? upper)
    {
        List<byte[]> expected = _model.Keys
            .Where(k => (lower is null || ByteKeyComparer.Instance.Compare(k, lower) >= 0)
                        && (upper is null || ByteKeyComparer.Instance.Compare(k, upper) < 0))
            .ToList();
        using RocksIterator it = _db.CreateIterator(_cf, new IteratorOptions { LowerBound = lower, UpperBound = upper });

        var forward = new List<byte[]>();
        for (it.SeekToFirst(); it.Valid; it.Next())
        {
            forward.Add(it.Key.ToArray());
        }

        var backward = new List<byte[]>();
        for (it.SeekToLast(); it.Valid; it.Prev())
        {
            backward.Add(it.Key.ToArray());
        }

        Assert.That(forward, Is.EqualTo(expected));
        backward.Reverse();
        Assert.That(backward, Is.EqualTo(expected));
    }

    [TestCase(new byte[] { 0x61 })]
    [TestCase(new byte[] { 0x61, 0xFF })]
    [TestCase(new byte[] { 0xFF })]
    [TestCase(new byte[] { 0x00 })]
    public void ForPrefix_YieldsExactlyKeysWithPrefix(byte[] prefix)
    {
        List<byte[]> expected = _model.Keys.Where(k => k.AsSpan().StartsWith(prefix)).ToList();
        using RocksIterator it = _db.CreateIterator(_cf, IteratorOptions.ForPrefix(prefix));

        var seen = new List<byte[]>();
        for (it.SeekToFirst(); it.Valid; it.Next())
        {
            seen.Add(it.Key.ToArray());
        }

        Assert.That(seen, Is.EqualTo(expected));
        Assert.That(seen, Is.Not.Empty);
    }

    [TestCase(new byte[] { 0x61, 0x01 }, new byte[] { 0x61, 0x61 }, new byte[] { 0x61, 0x00 })]
    [TestCase(new byte[] { 0x61, 0x61 }, new byte[] { 0x61, 0x61 }, new byte[] { 0x61, 0x61 })]
    [TestCase(new byte[] { 0x02 }, new byte[] { 0x61 }, new byte[] { 0x01 })]
    [TestCase(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, null, new byte[] { 0xFF, 0xFF, 0xFF })]
    public void SeekAndSeekForPrev_LandOnNeighbours(byte[] target, byte[]? atOrAfter, byte[]? atOrBefore)
    {
        using RocksIterator it = _db.CreateIterator(_cf);

        it.Seek(target);
        Assert.That(it.Valid ? it.Key.ToArray() : null, Is.EqualTo(atOrAfter));
        it.SeekForPrev(target);
        Assert.That(it.Valid ? it.Key.ToArray() : null, Is.EqualTo(atOrBefore));
    }

    [Test]
    public void PrefixSameAsStart_StopsAtEndOfSeekPrefix()
    {
        ColumnFamily prefixed = _db.GetColumnFamily(Prefixed);
        Assert.That(prefixed.PrefixLength, Is.EqualTo(2));
        string[] keys = ["aa1", "aa2", "aa3", "ab1", "ab2", "b00"];
        foreach (string key in keys)
        {
            _db.Put(prefixed, System.Text.Encoding.ASCII.GetBytes(key), "v"u8);
        }

        using RocksIterator it = _db.CreateIterator(prefixed, new IteratorOptions { PrefixSameAsStart = true });
        var seen = new List<string>();
        for (it.Seek("ab"u8); it.Valid; it.Next())
        {
            seen.Add(System.Text.Encoding.ASCII.GetString(it.Key));
        }

        Assert.That(seen, Is.EqualTo(new[] { "ab1", "ab2" }));
    }

    [Test]
    public void PrefixSameAsStart_WithoutPrefixExtractor_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(
            () => _db.CreateIterator(_cf, new IteratorOptions { PrefixSameAsStart = true }));
        Assert.That(ex!.Message, Does.Contain(DbColumns.State));
    }

    [Test]
    public void InvalidIterator_KeyValueNextPrev_Throw()
    {
        using RocksIterator it = _db.CreateIterator(_cf, new IteratorOptions { LowerBound = [0x61, 0x63], UpperBound = [0x61, 0xFF] });
        it.SeekToFirst();

        Assert.That(it.Valid, Is.False);
        Assert.Throws<InvalidOperationException>(() => _ = it.Key.Length);
        Assert.Throws<InvalidOperationException>(() => _ = it.Value.Length);
        Assert.Throws<InvalidOperationException>(it.Next);
        Assert.Throws<InvalidOperationException>(it.Prev);
    }

    [Test]
    public void Iterator_DoesNotSeeWritesAfterCreation()
    {
        using RocksIterator it = _db.CreateIterator(_cf);
        _db.Put(_cf, [0x61, 0x61, 0x61], "late"u8);
        _db.Delete(_cf, [0x01]);

        int count = 0;
        for (it.SeekToFirst(); it.Valid; it.Next())
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(_model.Count));
    }
}
