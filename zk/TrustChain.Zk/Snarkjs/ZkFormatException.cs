namespace TrustChain.Zk.Snarkjs;

/// <summary>
/// A snarkjs file (JSON or binary) is malformed, inconsistent or holds a value outside its field or group.
/// The message names the field or section at fault.
/// </summary>
public sealed class ZkFormatException : Exception
{
    public ZkFormatException(string message)
        : base(message)
    {
    }

    public ZkFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
