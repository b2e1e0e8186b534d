namespace TrustChain.Chain.Abi;

/// <summary>A Solidity custom error: revert data is selector ‖ abi(arguments), exactly like a call.</summary>
public sealed class AbiError
{
    private readonly AbiType[] _types;

    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = inputs.ToArray();
        Signature = AbiSignature.Of(name, Inputs);
        Selector = AbiSelector.Of(Signature);
        _types = AbiSignature.Types(Inputs);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public AbiSelector Selector { get; }

    /// <summary>Parses "InsufficientStake(uint256 have, uint256 need)".</summary>
    public static AbiError Parse(string declaration) => HumanReadableAbi.ParseError(declaration);

    public byte[] Encode(params object?[] arguments)
    {
        Span<byte> selector = stackalloc byte[AbiSelector.Length];
        Selector.CopyTo(selector);
        return AbiEncoder.Encode(selector, _types, arguments);
    }

    /// <summary>False when the data is not this error (wrong selector) or does not decode strictly.</summary>
    public bool TryDecode(ReadOnlySpan<byte> revertData, out object[] arguments)
    {
        arguments = [];
        if (!AbiSelector.TryRead(revertData, out AbiSelector selector) || selector != Selector)
        {
            return false;
        }

        try
        {
            arguments = AbiDecoder.Decode(_types, revertData[AbiSelector.Length..]);
            return true;
        }
        catch (AbiException)
        {
            return false;
        }
    }

    public override string ToString() => Signature;
}
