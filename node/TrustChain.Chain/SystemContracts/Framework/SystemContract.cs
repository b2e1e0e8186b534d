using TrustChain.Chain.Abi;
using TrustChain.Chain.Execution;
using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// Base of native contracts dispatched by the Solidity ABI. A contract declares, in its constructor, each function
/// once (human-readable declaration, price, body, NatSpec notice) and its events and errors; the selector table, the
/// JSON ABI and the Solidity interface are all generated from those declarations so they cannot drift.
/// <para>
/// Dispatch: calldata shorter than 4 bytes or an unknown selector reverts; value sent to a non-payable function
/// reverts; the fixed and per-byte gas is charged; arguments are strictly decoded (malformed data reverts with the
/// decoder's reason); the body runs; outputs are encoded. A revert (<see cref="ContractRevertException"/>) or running
/// out of gas rolls state back to where the call began, in addition to the transaction processor's own rollback.
/// </para>
/// </summary>
public abstract class SystemContract : ISystemContract
{
    public const string OutOfGasReason = "out of gas";
    public const string ShortCallDataReason = "calldata too short: a function selector needs 4 bytes";

    private readonly Dictionary<uint, SystemMethod> _bySelector = new();
    private readonly List<SystemMethod> _methods = [];
    private readonly List<SystemEvent> _events = [];
    private readonly List<AbiError> _errors = [];
    private ContractAbi? _abi;

    protected SystemContract(string name, Address address)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Address = address;
    }

    /// <summary>The contract's name: the Solidity interface is I&lt;Name&gt;, the files &lt;Name&gt;.json/.sol.</summary>
    public string Name { get; }

    public Address Address { get; }

    public virtual byte[] Code => SystemContractCode.Marker.ToArray();

    public IReadOnlyList<SystemMethod> Methods => _methods;

    public IReadOnlyList<SystemEvent> Events => _events;

    public IReadOnlyList<AbiError> Errors => _errors;

    /// <summary>The ABI generated from the declarations; declaring anything after it was first used is an error.</summary>
    public ContractAbi Abi => _abi ??= new ContractAbi(_methods.Select(static m => m.Function), _events.Select(static e => e.Event), _errors);

    public SystemCallResult Call(SystemCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ = Abi;
        ReadOnlySpan<byte> data = context.CallData.Span;
        if (!AbiSelector.TryRead(data, out AbiSelector selector))
        {
            return SystemCallResult.Reverted(0, RevertReason.Encode(ShortCallDataReason));
        }

        if (!_bySelector.TryGetValue(selector.Value, out SystemMethod? method))
        {
            return SystemCallResult.Reverted(0, RevertReason.Encode($"unknown function selector {selector}"));
        }

        if (!method.IsPayable && !context.Value.IsZero)
        {
            return SystemCallResult.Reverted(0, RevertReason.Encode($"function {method.Function.Signature} is not payable"));
        }

        SystemContractContext ctx = new(this, context, method);
        int snapshot = context.State.TakeSnapshot();
        try
        {
            ReadOnlySpan<byte> arguments = data[AbiSelector.Length..];
            ctx.UseGas(method.Gas.Fixed);
            ctx.UseGas(PerByte(method.Gas.PerByte, arguments.Length));
            object[] values;
            try
            {
                values = method.Function.DecodeArguments(arguments);
            }
            catch (AbiException e)
            {
                throw new ContractRevertException($"invalid arguments for {method.Function.Signature}: {e.Message}");
            }

            object?[] outputs = method.Handler(ctx, new AbiArgs(method.Function, values));
            byte[] returnData;
            try
            {
                returnData = method.Function.EncodeOutput(outputs);
            }
            catch (AbiException e)
            {
                throw new InvalidOperationException($"{Name}.{method.Function.Signature} returned values that do not match its outputs: {e.Message}", e);
            }

            return SystemCallResult.Succeeded(ctx.GasUsed, returnData, ctx.Logs);
        }
        catch (ContractRevertException e)
        {
            context.State.Restore(snapshot);
            return SystemCallResult.Reverted(ctx.GasUsed, e.RevertData);
        }
        catch (OutOfGasException)
        {
            context.State.Restore(snapshot);
            return SystemCallResult.Reverted(context.GasAvailable, RevertReason.Encode(OutOfGasReason));
        }
    }

    /// <summary>Declares a function, e.g. <c>Function("transfer(address to, uint256 amount) returns (bool)", 5_000, Transfer)</c>.</summary>
    protected SystemMethod Function(string declaration, GasCost gas, SystemMethodHandler handler, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        EnsureOpen();
        AbiFunction function = AbiFunction.Parse(declaration);
        SystemMethod method = new(function, gas, handler, notice);
        if (!_bySelector.TryAdd(function.Selector.Value, method))
        {
            throw new InvalidOperationException($"{Name}: selector {function.Selector} of {function.Signature} is already taken by {_bySelector[function.Selector.Value].Function.Signature}");
        }

        _methods.Add(method);
        return method;
    }

    /// <summary>Declares an event, e.g. <c>Event("Transfer(address indexed from, address indexed to, uint256 value)")</c>.</summary>
    protected AbiEvent Event(string declaration, string? notice = null)
    {
        EnsureOpen();
        AbiEvent @event = AbiEvent.Parse(declaration);
        if (_events.Any(e => e.Event.Signature == @event.Signature))
        {
            throw new InvalidOperationException($"{Name}: event {@event.Signature} is declared twice");
        }

        _events.Add(new SystemEvent(@event, notice));
        return @event;
    }

    /// <summary>Declares a custom error, e.g. <c>Error("NotOwner(address caller)")</c>.</summary>
    protected AbiError Error(string declaration)
    {
        EnsureOpen();
        AbiError error = AbiError.Parse(declaration);
        if (_errors.Any(e => e.Signature == error.Signature))
        {
            throw new InvalidOperationException($"{Name}: error {error.Signature} is declared twice");
        }

        _errors.Add(error);
        return error;
    }

    private static ulong PerByte(ulong price, int bytes) =>
        price != 0 && (ulong)bytes > ulong.MaxValue / price ? ulong.MaxValue : price * (ulong)bytes;

    private void EnsureOpen()
    {
        if (_abi is not null)
        {
            throw new InvalidOperationException($"{Name}: declare functions, events and errors in the constructor, before the contract is used");
        }
    }
}
