using TrustChain.Chain.Abi;

namespace TrustChain.Chain.SystemContracts;

/// <summary>Thrown inside a system-contract method to revert; the dispatcher turns it into revert data and undoes state.</summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException(string reason)
        : base(reason)
    {
        RevertData = RevertReason.Encode(reason);
    }

    /// <summary>Reverts with prepared data, e.g. a custom error's selector ‖ arguments.</summary>
    public ContractRevertException(string description, byte[] revertData)
        : base(description)
    {
        ArgumentNullException.ThrowIfNull(revertData);
        RevertData = revertData;
    }

    public byte[] RevertData { get; }
}
