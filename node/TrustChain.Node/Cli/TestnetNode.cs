using TrustChain.Core;

namespace TrustChain.Node.Cli;

/// <summary>
/// One node of a local testnet: its data dir, ports, identity and (for validators) validator address.
/// <see cref="ArgsFile"/> is a response file: `trustchain @ARGSFILE` runs the node.
/// </summary>
public sealed record TestnetNode(int Index, string DataDir, string ArgsFile, int P2PPort, int RpcPort, string NodeId, Address? Validator);
