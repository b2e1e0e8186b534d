using TrustChain.Storage.Native;

namespace TrustChain.Storage;

/// <summary>
/// A cursor over one column family in byte-wise key order, optionally bounded and/or at a snapshot.
/// <see cref="Key"/> and <see cref="Value"/> point into RocksDB memory and are valid only until the next
/// move or Dispose; copy them (ToArray) to keep them. Not thread-safe: use one iterator per thread.
/// A storage error during iteration (e.g. corruption) is thrown as <see cref="RocksDbException"/>
/// from the move that hit it. The iterator keeps its database (and snapshot) alive until disposed.
/// </summary>
public sealed unsafe class RocksIterator : IDisposable
{
    private readonly IteratorSafeHandle _handle;
    private readonly nint _iterator;
    private bool _valid;
    private bool _disposed;

    internal RocksIterator(IteratorSafeHandle handle, nint iterator)
    {
        _handle = handle;
        _iterator = iterator;
    }

    /// <summary>Whether the iterator is positioned on an entry.</summary>
    public bool Valid => _valid && !_disposed;

    public ReadOnlySpan<byte> Key
    {
        get
        {
            RequireValid();
            nuint length = 0;
            byte* key = RocksDbNative.IterKey(_iterator, &length);
            return new ReadOnlySpan<byte>(key, checked((int)length));
        }
    }

    public ReadOnlySpan<byte> Value
    {
        get
        {
            RequireValid();
            nuint length = 0;
            byte* value = RocksDbNative.IterValue(_iterator, &length);
            return new ReadOnlySpan<byte>(value, checked((int)length));
        }
    }

    public void SeekToFirst()
    {
        ThrowIfDisposed();
        RocksDbNative.IterSeekToFirst(_iterator);
        UpdateState();
    }

    public void SeekToLast()
    {
        ThrowIfDisposed();
        RocksDbNative.IterSeekToLast(_iterator);
        UpdateState();
    }

    /// <summary>Positions at the first key ≥ <paramref name="key"/>.</summary>
    public void Seek(ReadOnlySpan<byte> key)
    {
        ThrowIfDisposed();
        fixed (byte* k = key)
        {
            RocksDbNative.IterSeek(_iterator, k, (nuint)key.Length);
        }

        UpdateState();
    }

    /// <summary>Positions at the last key ≤ <paramref name="key"/>.</summary>
    public void SeekForPrev(ReadOnlySpan<byte> key)
    {
        ThrowIfDisposed();
        fixed (byte* k = key)
        {
            RocksDbNative.IterSeekForPrev(_iterator, k, (nuint)key.Length);
        }

        UpdateState();
    }

    public void Next()
    {
        RequireValid();
        RocksDbNative.IterNext(_iterator);
        UpdateState();
    }

    public void Prev()
    {
        RequireValid();
        RocksDbNative.IterPrev(_iterator);
        UpdateState();
    }

    public void Dispose()
    {
        _disposed = true;
        _valid = false;
        _handle.Dispose();
    }

    private void UpdateState()
    {
        _valid = RocksDbNative.IterValid(_iterator) != 0;
        if (!_valid)
        {
            // An error always leaves the iterator invalid, so the status only needs checking then.
            nint error = 0;
            RocksDbNative.IterGetError(_iterator, &error);
            NativeError.ThrowIfSet(error, "iterate");
        }
    }

    private void RequireValid()
    {
        ThrowIfDisposed();
        if (!_valid)
        {
            throw new InvalidOperationException("The iterator is not positioned on an entry (check Valid).");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
