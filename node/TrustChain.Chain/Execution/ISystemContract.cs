using TrustChain.Core;

namespace TrustChain.Chain.Execution;

/// <summary>Native contract living at a fixed address, called by ordinary transactions and by eth_call.</summary>
public interface ISystemContract
{
    Address Address { get; }

    /// <summary>Non-empty marker bytecode reported by eth_getCode so wallets treat the address as a contract.</summary>
    byte[] Code { get; }

    /// <summary>
    /// Executes a call. The contract may mutate <see cref="SystemCallContext.State"/>; when it returns a failed result
    /// the transaction processor undoes those mutations through the state journal, so contracts need not clean up.
    /// </summary>
    SystemCallResult Call(SystemCallContext context);
}
