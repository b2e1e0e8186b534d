using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using TrustChain.Storage.Native;

namespace TrustChain.Storage;

/// <summary>
/// An open RocksDB database with column families.
/// <para>
/// Thread-safety: all methods may be called concurrently from many threads (as RocksDB allows), except that a
/// <see cref="WriteBatch"/> or <see cref="RocksIterator"/> must be used by one thread at a time.
/// </para>
/// <para>
/// Lifetime: <see cref="Dispose"/> does not wait for anything and never frees memory in use. Each native call
/// holds a reference on the database handle, and iterators and snapshots hold one for as long as they live;
/// the database is closed when the last reference goes. Calls started after Dispose throw
/// <see cref="ObjectDisposedException"/>. Dispose all iterators and snapshots before reopening the same path
/// in the same process, otherwise the still-open instance holds the RocksDB lock.
/// </para>
/// </summary>
public sealed unsafe class RocksDatabase : IDisposable
{
    private static readonly byte[] EmptyKeySentinel = [0];

    private readonly DatabaseSafeHandle _handle;
    private readonly FrozenDictionary<string, ColumnFamily> _columnFamilies;
    private readonly ColumnFamily[] _columnFamilyList;

    private RocksDatabase(string path, DatabaseSafeHandle handle, ColumnFamily[] columnFamilies,
        RocksCompression compression, RocksCompression bottommostCompression)
    {
        Path = path;
        _handle = handle;
        _columnFamilyList = columnFamilies;
        _columnFamilies = columnFamilies.ToFrozenDictionary(cf => cf.Name, StringComparer.Ordinal);
        Compression = compression;
        BottommostCompression = bottommostCompression;
    }

    /// <summary>Full path of the database directory.</summary>
    public string Path { get; }

    /// <summary>All open column families: the requested ones, "default" and any others found on disk.</summary>
    public IReadOnlyList<ColumnFamily> ColumnFamilies => _columnFamilyList;

    /// <summary>The codec actually used after probing this RocksDB build (see <see cref="RocksDbSettings.Compression"/>).</summary>
    public RocksCompression Compression { get; }

    public RocksCompression BottommostCompression { get; }

    /// <summary>Bytes currently held by the shared block cache.</summary>
    public long BlockCacheUsage
    {
        get
        {
            using var db = new SafeHandleLease(_handle);
            return (long)RocksDbNative.CacheGetUsage(_handle.Cache);
        }
    }

    /// <summary>
    /// Opens (creating if missing) the database at <paramref name="path"/> with the listed column families,
    /// creating those that do not exist yet. Column families present on disk but not listed are opened too.
    /// </summary>
    /// <exception cref="RocksDbException">RocksDB refused to open (path is a file, DB locked by another instance, corruption, ...).</exception>
    public static RocksDatabase Open(string path, IReadOnlyList<string> columnFamilies, RocksDbSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columnFamilies);
        settings ??= RocksDbSettings.Default;
        settings.Validate();
        ValidateColumnFamilyNames(columnFamilies);

        string fullPath = System.IO.Path.GetFullPath(path);
        EnsureParentDirectory(fullPath);
        RocksCompression compression = CompressionSupport.Resolve(settings.Compression);
        RocksCompression bottommost = CompressionSupport.Resolve(settings.BottommostCompression);

        var handle = new DatabaseSafeHandle();
        try
        {
            handle.Cache = CreateBlockCache(settings);
            handle.ReadOptions = RocksDbNative.ReadOptionsCreate();
            handle.WriteOptionsNoSync = RocksDbNative.WriteOptionsCreate();
            handle.WriteOptionsSync = RocksDbNative.WriteOptionsCreate();
            RocksDbNative.WriteOptionsSetSync(handle.WriteOptionsSync, 1);
            handle.FlushOptions = RocksDbNative.FlushOptionsCreate();
            RocksDbNative.FlushOptionsSetWait(handle.FlushOptions, 1);

            List<string> names = CollectColumnFamilyNames(fullPath, columnFamilies, settings, handle.Cache, compression, bottommost);
            nint[] cfHandles = OpenNative(fullPath, names, settings, handle, compression, bottommost);

            var families = new ColumnFamily[names.Count];
            for (int i = 0; i < names.Count; i++)
            {
                int? prefix = settings.PrefixLengths.TryGetValue(names[i], out int length) ? length : null;
                families[i] = new ColumnFamily(names[i], prefix, cfHandles[i], handle);
            }

            return new RocksDatabase(fullPath, handle, families, compression, bottommost);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <exception cref="KeyNotFoundException">No column family of that name is open.</exception>
    public ColumnFamily GetColumnFamily(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_columnFamilies.TryGetValue(name, out ColumnFamily? cf))
        {
            return cf;
        }

        throw new KeyNotFoundException(
            $"Column family '{name}' is not open in '{Path}'. Open column families: {string.Join(", ", _columnFamilies.Keys.Order(StringComparer.Ordinal))}.");
    }

    public bool TryGetColumnFamily(string name, [NotNullWhen(true)] out ColumnFamily? columnFamily) =>
        _columnFamilies.TryGetValue(name, out columnFamily);

    /// <summary>The value stored under <paramref name="key"/> (copied to a new array), or null if absent.</summary>
    public byte[]? Get(ColumnFamily cf, ReadOnlySpan<byte> key, Snapshot? snapshot = null) =>
        TryRead(cf, key, 0, static (value, _) => value.ToArray(), out byte[]? result, snapshot) ? result : null;

    /// <summary>Appends the value to <paramref name="destination"/> (one copy, no managed allocation).</summary>
    /// <returns>False, writing nothing, if the key is absent.</returns>
    public bool TryGet(ColumnFamily cf, ReadOnlySpan<byte> key, IBufferWriter<byte> destination, Snapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return TryRead(cf, key, destination, static (value, writer) =>
        {
            writer.Write(value);
            return true;
        }, out _, snapshot);
    }

    /// <summary>Whether <paramref name="key"/> is present (reads the value without copying it).</summary>
    public bool ContainsKey(ColumnFamily cf, ReadOnlySpan<byte> key, Snapshot? snapshot = null) =>
        TryRead(cf, key, 0, static (_, _) => true, out _, snapshot);

    /// <summary>
    /// Zero-copy read: calls <paramref name="reader"/> with the value pinned in RocksDB memory (block cache or
    /// memtable copy), valid only during the call.
    /// </summary>
    /// <returns>False if the key is absent (the reader is not called and <paramref name="result"/> is default).</returns>
    public bool TryRead<TState, TResult>(ColumnFamily cf, ReadOnlySpan<byte> key, TState state,
        ValueReader<TState, TResult> reader, out TResult? result, Snapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        CheckOwner(cf);
        using var db = new SafeHandleLease(_handle);
        using var snap = LeaseSnapshot(snapshot);
        nint readOptions = snapshot is null ? _handle.ReadOptions : snapshot.Handle.ReadOptions;
        nint error = 0;
        nint slice;
        fixed (byte* k = key)
        {
            slice = RocksDbNative.GetPinnedCf(db.Pointer, readOptions, cf.Handle, k, (nuint)key.Length, &error);
        }

        NativeError.ThrowIfSet(error, "get");
        if (slice == 0)
        {
            result = default;
            return false;
        }

        // The pinnable slice lives only inside this frame, so try/finally gives the same guarantee a SafeHandle would.
        try
        {
            nuint length = 0;
            byte* value = RocksDbNative.PinnableSliceValue(slice, &length);
            result = reader(new ReadOnlySpan<byte>(value, checked((int)length)), state);
            return true;
        }
        finally
        {
            RocksDbNative.PinnableSliceDestroy(slice);
        }
    }

    /// <summary>
    /// Looks up <paramref name="values"/>.Length keys of <paramref name="keyLength"/> bytes each, packed back to back in
    /// <paramref name="keys"/>, in one batched RocksDB call (one pass over memtables and files instead of one per key);
    /// each value is copied to a new array, or null when the key is absent.
    /// </summary>
    /// <exception cref="ArgumentException">The key buffer is not exactly values.Length keys of keyLength bytes.</exception>
    public void MultiGet(ColumnFamily cf, ReadOnlySpan<byte> keys, int keyLength, byte[]?[] values, Snapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyLength, 1);
        if ((long)keys.Length != (long)keyLength * values.Length)
        {
            throw new ArgumentException($"Expected {values.Length} keys of {keyLength} bytes ({(long)keyLength * values.Length} bytes), got {keys.Length} bytes.", nameof(keys));
        }

        CheckOwner(cf);
        int count = values.Length;
        if (count == 0)
        {
            return;
        }

        using var db = new SafeHandleLease(_handle);
        using var snap = LeaseSnapshot(snapshot);
        nint readOptions = snapshot is null ? _handle.ReadOptions : snapshot.Handle.ReadOptions;
        byte*[] keyPointers = new byte*[count];
        nuint[] keySizes = new nuint[count];
        nint[] slices = new nint[count];
        nint[] errors = new nint[count];
        fixed (byte* k = keys)
        fixed (byte** kp = keyPointers)
        fixed (nuint* ks = keySizes)
        fixed (nint* v = slices)
        fixed (nint* e = errors)
        {
            for (int i = 0; i < count; i++)
            {
                kp[i] = k + ((long)i * keyLength);
                ks[i] = (nuint)keyLength;
            }

            RocksDbNative.BatchedMultiGetCf(db.Pointer, readOptions, cf.Handle, (nuint)count, kp, ks, v, e, 0);
        }

        int firstError = -1;
        for (int i = 0; i < count; i++)
        {
            nint slice = slices[i];
            if (errors[i] != 0 && firstError < 0)
            {
                firstError = i;
            }

            if (slice == 0)
            {
                values[i] = null;
                continue;
            }

            try
            {
                nuint length = 0;
                byte* value = RocksDbNative.PinnableSliceValue(slice, &length);
                values[i] = new ReadOnlySpan<byte>(value, checked((int)length)).ToArray();
            }
            finally
            {
                RocksDbNative.PinnableSliceDestroy(slice);
            }
        }

        for (int i = 0; i < count; i++)
        {
            if (i != firstError && errors[i] != 0)
            {
                RocksDbNative.Free(errors[i]);
            }
        }

        if (firstError >= 0)
        {
            NativeError.ThrowIfSet(errors[firstError], "multi-get");
        }
    }

    /// <param name="sync">fsync the WAL before returning (survives power loss, not just a process crash).</param>
    public void Put(ColumnFamily cf, ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, bool sync = false)
    {
        CheckOwner(cf);
        using var db = new SafeHandleLease(_handle);
        nint error = 0;
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            RocksDbNative.PutCf(db.Pointer, WriteOptions(sync), cf.Handle, k, (nuint)key.Length, v, (nuint)value.Length, &error);
        }

        NativeError.ThrowIfSet(error, "put");
    }

    public void Delete(ColumnFamily cf, ReadOnlySpan<byte> key, bool sync = false)
    {
        CheckOwner(cf);
        using var db = new SafeHandleLease(_handle);
        nint error = 0;
        fixed (byte* k = key)
        {
            RocksDbNative.DeleteCf(db.Pointer, WriteOptions(sync), cf.Handle, k, (nuint)key.Length, &error);
        }

        NativeError.ThrowIfSet(error, "delete");
    }

    public WriteBatch CreateWriteBatch()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new WriteBatch();
    }

    /// <summary>Applies all operations of <paramref name="batch"/> atomically.</summary>
    /// <param name="sync">fsync the WAL before returning; the node commits every block with sync on.</param>
    public void Write(WriteBatch batch, bool sync)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Database is { } owner && !ReferenceEquals(owner, _handle))
        {
            throw new ArgumentException("The batch contains column families of a different database.", nameof(batch));
        }

        using var db = new SafeHandleLease(_handle);
        using var b = new SafeHandleLease(batch.Handle);
        nint error = 0;
        RocksDbNative.Write(db.Pointer, WriteOptions(sync), b.Pointer, &error);
        NativeError.ThrowIfSet(error, "write");
    }

    public RocksIterator CreateIterator(ColumnFamily cf, IteratorOptions? options = null)
    {
        CheckOwner(cf);
        if (options is { PrefixSameAsStart: true } && cf.PrefixLength is null)
        {
            throw new InvalidOperationException(
                $"PrefixSameAsStart needs a prefix extractor, but column family '{cf.Name}' was opened without one (RocksDbSettings.PrefixLengths).");
        }

        Snapshot? snapshot = options?.Snapshot;
        if (snapshot is not null && !ReferenceEquals(snapshot.Database, _handle))
        {
            throw new ArgumentException("The snapshot belongs to a different database.", nameof(options));
        }

        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        var handle = new IteratorSafeHandle(_handle, snapshot?.Handle);
        try
        {
            nint iterator = handle.Create(cf.Handle, options);
            return new RocksIterator(handle, iterator);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public Snapshot CreateSnapshot()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new Snapshot(_handle);
    }

    /// <summary>Flushes the memtables of all column families to SST files and waits for completion.</summary>
    public void Flush()
    {
        foreach (ColumnFamily cf in _columnFamilyList)
        {
            Flush(cf);
        }
    }

    public void Flush(ColumnFamily cf)
    {
        CheckOwner(cf);
        using var db = new SafeHandleLease(_handle);
        nint error = 0;
        RocksDbNative.FlushCf(db.Pointer, _handle.FlushOptions, cf.Handle, &error);
        NativeError.ThrowIfSet(error, "flush");
    }

    /// <summary>A RocksDB property such as "rocksdb.estimate-live-data-size" or "rocksdb.stats"; null if unknown.</summary>
    public string? GetProperty(ColumnFamily cf, string name)
    {
        CheckOwner(cf);
        byte[] nameBytes = NativeStrings.ToUtf8Z(ValidatePropertyName(name));
        using var db = new SafeHandleLease(_handle);
        nint value;
        fixed (byte* n = nameBytes)
        {
            value = RocksDbNative.PropertyValueCf(db.Pointer, cf.Handle, n);
        }

        if (value == 0)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(value);
        }
        finally
        {
            RocksDbNative.Free(value);
        }
    }

    /// <summary>An integer RocksDB property (e.g. "rocksdb.estimate-num-keys"); null if unknown or not numeric.</summary>
    public long? GetLongProperty(ColumnFamily cf, string name)
    {
        CheckOwner(cf);
        byte[] nameBytes = NativeStrings.ToUtf8Z(ValidatePropertyName(name));
        using var db = new SafeHandleLease(_handle);
        ulong value = 0;
        int rc;
        fixed (byte* n = nameBytes)
        {
            rc = RocksDbNative.PropertyIntCf(db.Pointer, cf.Handle, n, &value);
        }

        return rc == 0 ? (long)value : null;
    }

    /// <summary>Approximate bytes used by the column family: SST files plus memtables.</summary>
    public long GetApproximateSize(ColumnFamily cf) =>
        (GetLongProperty(cf, "rocksdb.total-sst-files-size") ?? 0) + (GetLongProperty(cf, "rocksdb.size-all-mem-tables") ?? 0);

    /// <summary>Approximate on-disk (SST) bytes of keys in [<paramref name="from"/>, <paramref name="to"/>); memtables are not counted.</summary>
    public long GetApproximateSize(ColumnFamily cf, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
    {
        CheckOwner(cf);
        using var db = new SafeHandleLease(_handle);
        nint error = 0;
        ulong size = 0;
        fixed (byte* f = from.IsEmpty ? EmptyKeySentinel : from)
        fixed (byte* t = to.IsEmpty ? EmptyKeySentinel : to)
        {
            byte* start = f;
            byte* limit = t;
            nuint startLength = (nuint)from.Length;
            nuint limitLength = (nuint)to.Length;
            RocksDbNative.ApproximateSizesCf(db.Pointer, cf.Handle, 1, &start, &startLength, &limit, &limitLength, &size, &error);
        }

        NativeError.ThrowIfSet(error, "approximate-sizes");
        return (long)size;
    }

    /// <summary>Compacts keys in [<paramref name="from"/>, <paramref name="to"/>]; null means unbounded on that side.</summary>
    public void CompactRange(ColumnFamily cf, byte[]? from = null, byte[]? to = null)
    {
        CheckOwner(cf);
        using var db = new SafeHandleLease(_handle);
        // A null pointer means "unbounded", so an empty (but present) key must still get a non-null pointer.
        fixed (byte* f = from is null ? null : from.Length == 0 ? EmptyKeySentinel : from)
        fixed (byte* t = to is null ? null : to.Length == 0 ? EmptyKeySentinel : to)
        {
            RocksDbNative.CompactRangeCf(db.Pointer, cf.Handle, f, (nuint)(from?.Length ?? 0), t, (nuint)(to?.Length ?? 0));
        }
    }

    public void Dispose() => _handle.Dispose();

    private nint WriteOptions(bool sync) => sync ? _handle.WriteOptionsSync : _handle.WriteOptionsNoSync;

    private void CheckOwner(ColumnFamily cf)
    {
        ArgumentNullException.ThrowIfNull(cf);
        if (!ReferenceEquals(cf.Database, _handle))
        {
            throw new ArgumentException($"Column family '{cf.Name}' belongs to a different database.", nameof(cf));
        }
    }

    private SafeHandleLease LeaseSnapshot(Snapshot? snapshot)
    {
        if (snapshot is null)
        {
            return default;
        }

        if (!ReferenceEquals(snapshot.Database, _handle))
        {
            throw new ArgumentException("The snapshot belongs to a different database.", nameof(snapshot));
        }

        return new SafeHandleLease(snapshot.Handle);
    }

    private static string ValidatePropertyName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('\0'))
        {
            throw new ArgumentException("Property name must not contain NUL.", nameof(name));
        }

        return name;
    }

    private static void ValidateColumnFamilyNames(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            string? name = names[i];
            if (string.IsNullOrEmpty(name) || name.Contains('\0'))
            {
                throw new ArgumentException($"Column family name at index {i} is null, empty or contains NUL.", nameof(names));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Column family '{name}' is listed twice.", nameof(names));
            }
        }
    }

    private static void EnsureParentDirectory(string fullPath)
    {
        // RocksDB creates only the last path component itself.
        string? parent = System.IO.Path.GetDirectoryName(fullPath);
        if (parent is null || Directory.Exists(parent))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RocksDbException("open", $"cannot create parent directory '{parent}': {e.Message}", e);
        }
    }

    private static nint CreateBlockCache(RocksDbSettings settings)
    {
        nint options = RocksDbNative.LruCacheOptionsCreate();
        try
        {
            RocksDbNative.LruCacheOptionsSetCapacity(options, (nuint)settings.BlockCacheSize);
            RocksDbNative.LruCacheOptionsSetNumShardBits(options, settings.EffectiveBlockCacheShardBits());
            return RocksDbNative.CacheCreateLruOpts(options);
        }
        finally
        {
            RocksDbNative.LruCacheOptionsDestroy(options);
        }
    }

    private static List<string> CollectColumnFamilyNames(string path, IReadOnlyList<string> requested, RocksDbSettings settings,
        nint cache, RocksCompression compression, RocksCompression bottommost)
    {
        var names = new List<string> { DbColumns.Default };
        var seen = new HashSet<string>(StringComparer.Ordinal) { DbColumns.Default };
        foreach (string name in requested)
        {
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        // Only an existing database has a CURRENT file; listing a missing one is an error in RocksDB.
        if (File.Exists(System.IO.Path.Combine(path, "CURRENT")))
        {
            using OptionsSafeHandle options = OptionsBuilder.Build(settings, cache, null, compression, bottommost);
            foreach (string existing in ListColumnFamilies(path, options.DangerousGetHandle()))
            {
                if (seen.Add(existing))
                {
                    names.Add(existing);
                }
            }
        }

        return names;
    }

    private static List<string> ListColumnFamilies(string path, nint options)
    {
        byte[] pathBytes = NativeStrings.ToUtf8Z(path);
        nuint count = 0;
        nint error = 0;
        byte** list;
        fixed (byte* p = pathBytes)
        {
            list = RocksDbNative.ListColumnFamilies(options, p, &count, &error);
        }

        NativeError.ThrowIfSet(error, "list column families");
        try
        {
            var names = new List<string>((int)count);
            for (nuint i = 0; i < count; i++)
            {
                names.Add(Marshal.PtrToStringUTF8((nint)list[i])!);
            }

            return names;
        }
        finally
        {
            RocksDbNative.ListColumnFamiliesDestroy(list, count);
        }
    }

    private static nint[] OpenNative(string path, List<string> names, RocksDbSettings settings, DatabaseSafeHandle handle,
        RocksCompression compression, RocksCompression bottommost)
    {
        int count = names.Count;
        var options = new OptionsSafeHandle[count];
        byte[][] nameBytes = new byte[count][];
        var pins = new GCHandle[count];
        try
        {
            for (int i = 0; i < count; i++)
            {
                int? prefix = settings.PrefixLengths.TryGetValue(names[i], out int length) ? length : null;
                options[i] = OptionsBuilder.Build(settings, handle.Cache, prefix, compression, bottommost,
                    settings.PointLookupColumnFamilies.Contains(names[i]));
                nameBytes[i] = NativeStrings.ToUtf8Z(names[i]);
                pins[i] = GCHandle.Alloc(nameBytes[i], GCHandleType.Pinned);
            }

            byte*[] namePtrs = new byte*[count];
            nint[] optionPtrs = new nint[count];
            nint[] cfHandles = new nint[count];
            for (int i = 0; i < count; i++)
            {
                namePtrs[i] = (byte*)pins[i].AddrOfPinnedObject();
                optionPtrs[i] = options[i].DangerousGetHandle();
            }

            byte[] pathBytes = NativeStrings.ToUtf8Z(path);
            nint error = 0;
            nint db;
            fixed (byte* p = pathBytes)
            fixed (byte** n = namePtrs)
            fixed (nint* o = optionPtrs)
            fixed (nint* h = cfHandles)
            {
                // The default family's options double as the DB-wide options.
                db = RocksDbNative.OpenColumnFamilies(optionPtrs[0], p, count, n, o, h, &error);
            }

            NativeError.ThrowIfSet(error, "open");
            handle.ColumnFamilies = cfHandles;
            handle.SetDatabase(db);
            return cfHandles;
        }
        finally
        {
            foreach (var pin in pins)
            {
                if (pin.IsAllocated)
                {
                    pin.Free();
                }
            }

            foreach (OptionsSafeHandle? o in options)
            {
                o?.Dispose();
            }
        }
    }
}
