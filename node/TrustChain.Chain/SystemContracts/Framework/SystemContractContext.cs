using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TrustChain.Chain.Abi;
using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Receipts;

namespace TrustChain.Chain.SystemContracts;

/// <summary>
/// What a method body sees: the call (caller, value, block), its contract's typed storage, gas metering, event
/// emission and revert. Everything a method changes is undone when it reverts or runs out of gas.
/// </summary>
public sealed class SystemContractContext
{
    private readonly SystemCallContext _call;
    private readonly SystemMethod _method;
    private List<LogEntry>? _logs;

    internal SystemContractContext(SystemContract contract, SystemCallContext call, SystemMethod method)
    {
        _call = call;
        _method = method;
        Contract = contract.Address;
        Storage = new ContractStorage(call.State, contract.Address, method.IsReadOnly);
    }

    public Address Contract { get; }

    public Address Caller => _call.Caller;

    /// <summary>Wei sent with the call, already in the contract's balance.</summary>
    public UInt256 Value => _call.Value;

    public BlockContext Block => _call.Block;

    public AbiFunction Function => _method.Function;

    public bool IsReadOnly => _method.IsReadOnly;

    public ContractStorage Storage { get; }

    /// <summary>The whole state, for reading (or, in state-changing methods, writing) other accounts and contracts.</summary>
    public WorldState State => _call.State;

    public UInt256 Balance => _call.State.GetBalance(Contract);

    public ulong GasAvailable => _call.GasAvailable;

    public ulong GasUsed { get; private set; }

    public ulong GasRemaining => GasAvailable - GasUsed;

    public IReadOnlyList<LogEntry> Logs => _logs is null ? [] : _logs;

    /// <summary>Charges gas; exceeding what the call has aborts it as out of gas.</summary>
    public void UseGas(ulong amount)
    {
        if (amount > GasRemaining)
        {
            throw new OutOfGasException(GasUsed + amount, GasAvailable);
        }

        GasUsed += amount;
    }

    /// <summary>Charges the method's per-item price <paramref name="count"/> times.</summary>
    public void ChargeItems(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ulong perItem = _method.Gas.PerItem;
        UseGas(perItem != 0 && (ulong)count > ulong.MaxValue / perItem ? ulong.MaxValue : (ulong)count * perItem);
    }

    public void Emit(AbiEvent @event, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (IsReadOnly)
        {
            throw new ContractRevertException(ContractStorage.ReadOnlyReason);
        }

        (_logs ??= []).Add(@event.Encode(Contract, values));
    }

    /// <summary>
    /// Where native APIs of other system contracts (e.g. <c>StakingState.Slash(..., logs)</c>) put the events they emit
    /// on this call's behalf, so those land in the receipt in order with this contract's own; read-only calls get none.
    /// </summary>
    public ICollection<LogEntry> ForeignLogs
    {
        get
        {
            if (IsReadOnly)
            {
                throw new ContractRevertException(ContractStorage.ReadOnlyReason);
            }

            return _logs ??= [];
        }
    }

    [DoesNotReturn]
    public void Revert(string reason) => throw new ContractRevertException(reason);

    /// <summary>Reverts with a custom error (selector ‖ abi(arguments)).</summary>
    [DoesNotReturn]
    public void Revert(AbiError error, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(error);
        throw new ContractRevertException(error.Signature, error.Encode(arguments));
    }

    public void Require([DoesNotReturnIf(false)] bool condition, string reason) => ContractGuard.Require(condition, reason);

    /// <summary>The overload an interpolated reason binds to: the text is built only when the check fails.</summary>
    public void Require(
        [DoesNotReturnIf(false)] bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref RevertReasonHandler reason) =>
        ContractGuard.Require(condition, ref reason);

    /// <summary>Pays <paramref name="amount"/> out of the contract's balance; reverts if the contract holds less.</summary>
    public void Transfer(Address to, in UInt256 amount)
    {
        if (IsReadOnly)
        {
            throw new ContractRevertException(ContractStorage.ReadOnlyReason);
        }

        UInt256 balance = Balance;
        if (amount > balance)
        {
            throw new ContractRevertException($"insufficient contract balance: have {balance}, need {amount}");
        }

        State.SubtractBalance(Contract, amount);
        State.AddBalance(to, amount);
    }
}
