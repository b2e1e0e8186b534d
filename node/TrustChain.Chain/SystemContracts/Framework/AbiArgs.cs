using System.Numerics;
using TrustChain.Chain.Abi;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// Typed access to a method's decoded arguments. The decoder has already enforced each declared type, so a getter that
/// does not match the declaration is a bug in the contract and throws <see cref="InvalidOperationException"/>.
/// </summary>
public readonly struct AbiArgs
{
    private readonly object[] _values;
    private readonly AbiFunction _function;

    public AbiArgs(AbiFunction function, object[] values)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(values);
        _function = function;
        _values = values;
    }

    public int Count => _values.Length;

    public object this[int index] => _values[index];

    public UInt256 UInt256(int index) => Get<UInt256>(index);

    /// <summary>A uint that must fit 64 bits; declare the parameter as uint64 or smaller so the decoder guarantees it.</summary>
    public ulong UInt64(int index)
    {
        UInt256 value = Get<UInt256>(index);
        return value.IsUInt64 ? value.U0 : throw Mismatch(index, "a value that fits 64 bits");
    }

    public BigInteger Int(int index) => Get<BigInteger>(index);

    public Address Address(int index) => Get<Address>(index);

    public bool Bool(int index) => Get<bool>(index);

    public byte[] Bytes(int index) => Get<byte[]>(index);

    public Hash256 Bytes32(int index)
    {
        byte[] bytes = Get<byte[]>(index);
        return bytes.Length == 32 ? new Hash256(bytes) : throw Mismatch(index, "bytes32");
    }

    public string String(int index) => Get<string>(index);

    /// <summary>The elements of an array or the fields of a tuple.</summary>
    public object[] List(int index) => Get<object[]>(index);

    public Hash256[] Bytes32Array(int index) => Map(index, static o => o is byte[] { Length: 32 } b ? new Hash256(b) : throw new InvalidCastException());

    public UInt256[] UInt256Array(int index) => Map(index, static o => (UInt256)o);

    public Address[] AddressArray(int index) => Map(index, static o => (Address)o);

    private T[] Map<T>(int index, Func<object, T> convert)
    {
        object[] items = Get<object[]>(index);
        T[] result = new T[items.Length];
        try
        {
            for (int i = 0; i < items.Length; i++)
            {
                result[i] = convert(items[i]);
            }
        }
        catch (InvalidCastException)
        {
            throw Mismatch(index, typeof(T).Name + "[]");
        }

        return result;
    }

    private T Get<T>(int index)
    {
        if ((uint)index >= (uint)_values.Length)
        {
            throw new InvalidOperationException($"{_function.Signature} has {_values.Length} arguments; argument {index} was requested");
        }

        return _values[index] is T value ? value : throw Mismatch(index, typeof(T).Name);
    }

    private InvalidOperationException Mismatch(int index, string wanted) =>
        new($"argument {index} of {_function.Signature} is declared {_function.Inputs[index].Type}, read as {wanted}");
}
