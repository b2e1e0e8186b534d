using TrustChain.Core.Crypto;

namespace TrustChain.Core.Transactions;

/// <summary>
/// A transaction of any supported type. Immutable apart from <see cref="Sender"/>, which the decoder or
/// <see cref="SenderRecovery"/> fills in. <see cref="Hash"/> is keccak of the signed encoding, cached.
/// Legacy and type-1 transactions use <see cref="GasPrice"/>; type 2 uses the two EIP-1559 caps.
/// </summary>
public sealed class Transaction
{
    private Hash256? _hash;

    public TxType Type { get; init; }

    /// <summary>Null only for pre-EIP-155 legacy transactions.</summary>
    public ulong? ChainId { get; init; }

    public ulong Nonce { get; init; }

    public UInt256 GasPrice { get; init; }

    public UInt256 MaxPriorityFeePerGas { get; init; }

    public UInt256 MaxFeePerGas { get; init; }

    public ulong GasLimit { get; init; }

    /// <summary>Null for contract creation.</summary>
    public Address? To { get; init; }

    public UInt256 Value { get; init; }

    public byte[] Data { get; init; } = [];

    public IReadOnlyList<AccessListItem> AccessList { get; init; } = [];

    /// <summary>Legacy: 27/28 or chainId*2+35/36. Typed: the y-parity (0/1).</summary>
    public UInt256 V { get; init; }

    public UInt256 R { get; init; }

    public UInt256 S { get; init; }

    /// <summary>Set by the decoder's caller via <see cref="SenderRecovery"/> or by <see cref="TransactionSigner"/>.</summary>
    public Address? Sender { get; set; }

    public bool IsSigned => !R.IsZero || !S.IsZero;

    public bool IsContractCreation => To is null;

    /// <summary>Fee cap per gas: MaxFeePerGas for type 2, GasPrice otherwise.</summary>
    public UInt256 FeeCap => Type == TxType.Eip1559 ? MaxFeePerGas : GasPrice;

    /// <summary>Tip cap per gas: MaxPriorityFeePerGas for type 2, GasPrice otherwise.</summary>
    public UInt256 TipCap => Type == TxType.Eip1559 ? MaxPriorityFeePerGas : GasPrice;

    /// <summary>Gas price actually paid under the given base fee: min(feeCap, baseFee + tipCap).</summary>
    public UInt256 EffectiveGasPrice(in UInt256 baseFee)
    {
        if (Type != TxType.Eip1559)
        {
            return GasPrice;
        }

        bool overflow = UInt256.AddOverflow(baseFee, MaxPriorityFeePerGas, out UInt256 sum);
        return overflow ? MaxFeePerGas : UInt256.Min(MaxFeePerGas, sum);
    }

    public Hash256 Hash => _hash ??= Keccak256.Compute(TransactionEncoder.Encode(this));

    internal void SetHash(in Hash256 hash) => _hash = hash;

    /// <summary>The recovery id implied by V (0/1), or -1 when V is not a valid value for this type.</summary>
    public int RecoveryId
    {
        get
        {
            if (Type != TxType.Legacy)
            {
                return V.IsUInt64 && V.U0 <= 1 ? (int)V.U0 : -1;
            }

            if (V == 27 || V == 28)
            {
                return (int)(V.U0 - 27);
            }

            if (V < 35)
            {
                return -1;
            }

            return (int)((V - 35).U0 & 1);
        }
    }

    /// <summary>A copy carrying the given signature fields and sender.</summary>
    public Transaction WithSignature(in UInt256 v, in UInt256 r, in UInt256 s, Address? sender) => new()
    {
        Type = Type,
        ChainId = ChainId,
        Nonce = Nonce,
        GasPrice = GasPrice,
        MaxPriorityFeePerGas = MaxPriorityFeePerGas,
        MaxFeePerGas = MaxFeePerGas,
        GasLimit = GasLimit,
        To = To,
        Value = Value,
        Data = Data,
        AccessList = AccessList,
        V = v,
        R = r,
        S = s,
        Sender = sender,
    };

    public override string ToString() => $"Tx {Hash} type={Type} nonce={Nonce} to={To?.ToString() ?? "create"} value={Value}";
}
