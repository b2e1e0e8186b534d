using TrustChain.Core;

namespace TrustChain.Chain.State;

public sealed class InsufficientBalanceException : InvalidOperationException
{
    public InsufficientBalanceException(Address address, UInt256 balance, UInt256 requested)
        : base($"Account {address} has balance {balance}, cannot subtract {requested}.")
    {
        Address = address;
        Balance = balance;
        Requested = requested;
    }

    public Address Address { get; }

    public UInt256 Balance { get; }

    public UInt256 Requested { get; }
}
