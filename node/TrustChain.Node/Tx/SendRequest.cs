using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Node.Tx;

/// <summary>What `trustchain tx send` sends. A null <see cref="GasLimit"/> means "ask eth_estimateGas".</summary>
public sealed record SendRequest(PrivateKey From, Address To, UInt256 Value, byte[] Data, ulong? GasLimit);
