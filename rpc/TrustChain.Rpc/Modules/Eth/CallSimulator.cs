using System.Numerics;
using TrustChain.Chain.Execution;
using TrustChain.Chain.State;
using TrustChain.Chain.Validation;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

/// <summary>
/// eth_call and eth_estimateGas. A call runs the way <see cref="TransactionProcessor"/> runs a transaction (intrinsic
/// gas, value transfer, the system contract at the target) but on a throw-away <see cref="WorldState"/>, without
/// signature, nonce or gas purchase, as geth's call does. With no EVM, gas is exact: intrinsic + what the contract
/// reports, so estimation needs no binary search.
/// </summary>
public sealed class CallSimulator
{
    public const string NoCodeReason = "no contract code at target address";

    private readonly EthRpcContext _context;

    public CallSimulator(EthRpcContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
    }

    /// <summary>Runs the call and returns its return data; reverts become code 3 errors, other failures -32000.</summary>
    public byte[] Call(CallArgs args, BlockParameter block)
    {
        (WorldState state, BlockContext context) = Prepare(block);
        ulong gas = CapGas(args.Gas);
        CallOutcome outcome = Execute(state, context, args, gas);
        return outcome.ThrowIfFailed(gas).ReturnData;
    }

    public ulong EstimateGas(CallArgs args, BlockParameter block)
    {
        (WorldState state, BlockContext context) = Prepare(block);
        ulong high = CapGas(args.Gas);
        Address from = args.From ?? Address.Zero;
        UInt256 feeCap = args.FeeCap;
        if (!feeCap.IsZero)
        {
            // Like geth: the sender cannot be charged for more gas than its balance (after the value) buys.
            UInt256 balance = state.GetBalance(from);
            if (args.Value > balance)
            {
                throw RpcException.ServerError("insufficient funds for transfer");
            }

            UInt256 allowance = (balance - args.Value) / feeCap;
            if (allowance.IsUInt64 && allowance.U0 < high)
            {
                high = allowance.U0;
            }
        }

        CallOutcome outcome = Execute(state, context, args, high, chargeFees: false);
        if (outcome.Kind is CallOutcomeKind.OutOfGas or CallOutcomeKind.IntrinsicGasTooLow)
        {
            throw RpcException.ServerError($"gas required exceeds allowance ({high})");
        }

        return outcome.ThrowIfFailed(high).GasUsed;
    }

    private (WorldState State, BlockContext Context) Prepare(BlockParameter block)
    {
        Chain.Blocks.Blockchain chain = _context.Chain;
        if (block.Tag == BlockTag.Pending)
        {
            BlockHeader head = chain.Head;
            return (_context.CreateWorldState(head), chain.CreateSimulationContext(head, head.Proposer));
        }

        BlockHeader header = _context.RequireHeader(block);
        return (_context.CreateWorldState(header),
            new BlockContext(header.Number, header.Timestamp, header.Proposer, chain.Spec.ChainId, header.BaseFeePerGas));
    }

    private ulong CapGas(ulong? requested)
    {
        ulong cap = Math.Min(_context.Options.GasCap, _context.Chain.Spec.GasLimit);
        return requested is { } gas && gas != 0 ? Math.Min(gas, cap) : cap;
    }

    private CallOutcome Execute(WorldState state, in BlockContext block, CallArgs args, ulong gas, bool chargeFees = true)
    {
        if (args.To is not { } to)
        {
            throw RpcException.ServerError("contract creation not supported: this chain has no EVM");
        }

        Address from = args.From ?? Address.Zero;
        ulong intrinsic = IntrinsicGas.TransactionBase + IntrinsicGas.CalldataCost(args.Data);
        if (gas < intrinsic)
        {
            return CallOutcome.IntrinsicTooLow(gas, intrinsic);
        }

        UInt256 balance = state.GetBalance(from);
        UInt256 feeCap = chargeFees ? args.FeeCap : UInt256.Zero;
        bool overflow = UInt256.MultiplyOverflow(feeCap, gas, out UInt256 gasCost);
        overflow |= UInt256.AddOverflow(gasCost, args.Value, out UInt256 need);
        if (overflow || need > balance)
        {
            BigInteger want = feeCap.ToBigInteger() * gas + args.Value.ToBigInteger();
            throw RpcException.ServerError(
                $"insufficient funds for gas * price + value: address {from} have {balance} want {want}");
        }

        if (!args.Value.IsZero)
        {
            state.SubtractBalance(from, args.Value);
            state.AddBalance(to, args.Value);
        }

        if (_context.Chain.SystemContracts.TryGet(to, out ISystemContract? contract))
        {
            ulong available = gas - intrinsic;
            SystemCallResult result = contract!.Call(new SystemCallContext(state, from, args.Value, args.Data, available, block));
            if (result.GasUsed > available)
            {
                return CallOutcome.OutOfGas();
            }

            return result.Success
                ? CallOutcome.Succeeded(intrinsic + result.GasUsed, result.ReturnData)
                : CallOutcome.Reverted(result.RevertData ?? []);
        }

        // No EVM: data sent to a plain account would be code execution, which a transaction fails on.
        return args.Data.Length != 0 ? CallOutcome.NoCode() : CallOutcome.Succeeded(intrinsic, []);
    }
}
