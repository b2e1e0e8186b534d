using System.Globalization;
using TrustChain.Core.Crypto;
using TrustChain.Rpc.JsonRpc;

namespace TrustChain.Rpc.Modules.Eth;

public sealed partial class EthRpcModule
{
    private void RegisterNetMethods(RpcMethodRegistry registry)
    {
        Add(registry, "net_version", 0, _ => _context.ChainId.ToString(CultureInfo.InvariantCulture));
        Add(registry, "net_listening", 0, _ => true);
        Add(registry, "net_peerCount", 0, _ => RpcHex.EncodeQuantity((ulong)Math.Max(0, _context.Options.PeerCount())));
        Add(registry, "web3_clientVersion", 0, _ => _context.Options.ClientVersion);
        Add(registry, "web3_sha3", 1, p => RpcHex.EncodeBytes(Keccak256.Compute(p.GetBytes(0)).Bytes));
    }

    private void RegisterChainMethods(RpcMethodRegistry registry)
    {
        Add(registry, "eth_chainId", 0, _ => RpcHex.EncodeQuantity(_context.ChainId));
        Add(registry, "eth_blockNumber", 0, _ => RpcHex.EncodeQuantity(_context.Chain.Head.Number));
        Add(registry, "eth_syncing", 0, _ => false);
        Add(registry, "eth_accounts", 0, _ => Array.Empty<string>());
        Add(registry, "eth_mining", 0, _ => false);
        Add(registry, "eth_hashrate", 0, _ => "0x0");
    }
}
