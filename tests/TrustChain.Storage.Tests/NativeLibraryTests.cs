using TrustChain.Storage.Native;

namespace TrustChain.Storage.Tests;

public class NativeLibraryTests
{
    [Test]
    public void Resolver_LoadsTheRuntimePackageSoname()
    {
        using var dir = new TempDirectory();
        using (RocksDatabase.Open(dir.Combine("db"), [DbColumns.Meta]))
        {
        }

        // The versioned soname is the only file the librocksdb7.8 runtime package installs.
        Assert.That(RocksDbLibraryResolver.LoadedFrom, Is.EqualTo("librocksdb.so.7.8"));
    }
}
