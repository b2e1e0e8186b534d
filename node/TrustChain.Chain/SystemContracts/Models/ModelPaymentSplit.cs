using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Models;

/// <summary>
/// How a settled payment is divided: each owner gets ⌊amount × ownerBps / 10,000⌋, the host ⌊amount × hostBps / 10,000⌋,
/// the validators ⌊amount × validatorBps / 10,000⌋, and the rounding remainder (less than one wei per party) goes to
/// the first owner, so the parts always add up to the amount exactly.
/// </summary>
public readonly record struct ModelPaymentSplit(UInt256[] Owners, UInt256 Host, UInt256 Validators)
{
    public const uint BasisPoints = 10_000;

    public static ModelPaymentSplit Compute(in UInt256 amount, IReadOnlyList<ModelOwner> owners, ushort hostBps, ushort validatorBps)
    {
        ArgumentNullException.ThrowIfNull(owners);
        if (owners.Count == 0)
        {
            throw new ArgumentException("a payment split needs at least one owner", nameof(owners));
        }

        UInt256[] shares = new UInt256[owners.Count];
        UInt256 paid = UInt256.Zero;
        for (int i = 0; i < shares.Length; i++)
        {
            shares[i] = Share(amount, owners[i].Bps);
            paid += shares[i];
        }

        UInt256 host = Share(amount, hostBps);
        UInt256 validators = Share(amount, validatorBps);
        paid += host + validators;
        if (paid > amount)
        {
            throw new ArgumentException("owner, host and validator shares exceed 10,000 basis points");
        }

        shares[0] += amount - paid;
        return new ModelPaymentSplit(shares, host, validators);
    }

    /// <summary>⌊amount × bps / 10,000⌋ without the product overflowing 256 bits.</summary>
    public static UInt256 Share(in UInt256 amount, uint bps)
    {
        UInt256.DivRem(amount, BasisPoints, out UInt256 quotient, out UInt256 remainder);
        return quotient * bps + remainder * bps / BasisPoints;
    }
}
