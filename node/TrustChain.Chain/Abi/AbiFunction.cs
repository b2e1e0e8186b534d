namespace TrustChain.Chain.Abi;

public sealed class AbiFunction
{
    private readonly AbiType[] _inputTypes;
    private readonly AbiType[] _outputTypes;

    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, StateMutability stateMutability)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        if (inputs.Concat(outputs).Any(static p => p.Indexed))
        {
            throw new AbiException($"function {name}: only event parameters can be indexed");
        }

        Name = name;
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        StateMutability = stateMutability;
        Signature = AbiSignature.Of(name, Inputs);
        Selector = AbiSelector.Of(Signature);
        _inputTypes = AbiSignature.Types(Inputs);
        _outputTypes = AbiSignature.Types(Outputs);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    public IReadOnlyList<AbiType> InputTypes => _inputTypes;

    public IReadOnlyList<AbiType> OutputTypes => _outputTypes;

    public StateMutability StateMutability { get; }

    /// <summary>Canonical signature, e.g. "transfer(address,uint256)".</summary>
    public string Signature { get; }

    public AbiSelector Selector { get; }

    /// <summary>Parses the human-readable form: "transfer(address to, uint256 amount) returns (bool)".</summary>
    public static AbiFunction Parse(string declaration) => HumanReadableAbi.ParseFunction(declaration);

    public byte[] EncodeCall(params object?[] arguments)
    {
        Span<byte> selector = stackalloc byte[AbiSelector.Length];
        Selector.CopyTo(selector);
        return AbiEncoder.Encode(selector, _inputTypes, arguments);
    }

    /// <summary>Decodes the arguments after the 4-byte selector (which must be this function's).</summary>
    public object[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        if (!AbiSelector.TryRead(callData, out AbiSelector selector) || selector != Selector)
        {
            throw new AbiException($"call data does not start with the selector {Selector} of {Signature}");
        }

        return AbiDecoder.Decode(_inputTypes, callData[AbiSelector.Length..]);
    }

    public object[] DecodeArguments(ReadOnlySpan<byte> arguments) => AbiDecoder.Decode(_inputTypes, arguments);

    public byte[] EncodeOutput(params object?[] values) => AbiEncoder.Encode(_outputTypes, values);

    public object[] DecodeOutput(ReadOnlySpan<byte> returnData) => AbiDecoder.Decode(_outputTypes, returnData);

    public override string ToString() => Signature;
}
