namespace TrustChain.Storage.Tests;

public class CompressionTests
{
    [Test]
    public void None_IsAlwaysSupported_Xpress_NeverOnLinux()
    {
        Assert.That(RocksDbSettings.IsCompressionSupported(RocksCompression.None), Is.True);
        Assert.That(RocksDbSettings.IsCompressionSupported(RocksCompression.Xpress), Is.False);
    }

    [Test]
    public void UnsupportedCodec_FallsBackAndIsRecordedInOptionsFile()
    {
        using var dir = new TempDirectory();
        var settings = new RocksDbSettings
        {
            Compression = RocksCompression.Xpress,
            BottommostCompression = RocksCompression.Xpress,
        };

        using var db = RocksDatabase.Open(dir.Combine("db"), DbColumns.All, settings);

        Assert.That(db.Compression, Is.Not.EqualTo(RocksCompression.Xpress));
        Assert.That(RocksDbSettings.IsCompressionSupported(db.Compression), Is.True);
        Assert.That(db.BottommostCompression, Is.EqualTo(db.Compression));
        AssertOptionsFileUses(db, db.Compression);
    }

    [Test]
    public void DefaultSettings_UseTheReportedCodecs()
    {
        using var dir = new TempDirectory();
        using var db = RocksDatabase.Open(dir.Combine("db"), DbColumns.All);

        // Debian's librocksdb7.8 links lz4 and zstd, so the defaults apply unchanged there.
        if (RocksDbSettings.IsCompressionSupported(RocksCompression.Lz4))
        {
            Assert.That(db.Compression, Is.EqualTo(RocksCompression.Lz4));
        }

        AssertOptionsFileUses(db, db.Compression);
    }

    private static void AssertOptionsFileUses(RocksDatabase db, RocksCompression compression)
    {
        string expected = compression switch
        {
            RocksCompression.None => "kNoCompression",
            RocksCompression.Snappy => "kSnappyCompression",
            RocksCompression.Lz4 => "kLZ4Compression",
            RocksCompression.Zstd => "kZSTD",
            _ => throw new AssertionException($"unexpected fallback {compression}"),
        };
        string options = File.ReadAllText(Directory.GetFiles(db.Path, "OPTIONS-*").Order().Last());
        Assert.That(options, Does.Contain($"  compression={expected}"));
    }
}
