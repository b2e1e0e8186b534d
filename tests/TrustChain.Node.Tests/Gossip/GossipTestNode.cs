using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Network;
using TrustChain.Network.Protocol;
using TrustChain.Node.Hosting;
using TrustChain.Node.Hosting.Network;
using TrustChain.Node.Tests.Cli;
using TrustChain.Core.Crypto;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Tests.Gossip;

/// <summary>A dev-genesis chain, its pool and a P2P host carrying only the transaction channel.</summary>
public sealed class GossipTestNode : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();

    private GossipTestNode(ChainSpec spec, TxGossipOptions options, IReadOnlyList<PeerAddress> persistentPeers)
    {
        Spec = spec;
        Chain = Blockchain.Open(Path.Combine(_dir.Path, "db"), spec, NodeRunner.CreateChainOptions(spec));
        Pool = new ChainTxPool(spec, () => Chain.HeadState, () => Chain.NextBaseFee);
        Key = PrivateKey.Generate();
        Host = new P2PHost(new P2PConfig
        {
            NodeKey = Key,
            ChainId = spec.ChainId,
            GenesisHash = Chain.GenesisHash,
            ListenPort = 0,
            PersistentPeers = persistentPeers,
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        });
        Gossip = new TxGossip(Host, Pool, options);
        Host.RegisterChannel(ChannelIds.Transactions, Gossip);
    }

    public ChainSpec Spec { get; }

    public Blockchain Chain { get; }

    public ChainTxPool Pool { get; }

    public PrivateKey Key { get; }

    public P2PHost Host { get; }

    public TxGossip Gossip { get; }

    public PeerAddress Address => PeerAddress.Parse($"{Host.LocalNodeId.ToHexString()}@{Host.ListenEndPoint}");

    public static async Task<GossipTestNode> StartAsync(TxGossipOptions options, params PeerAddress[] persistentPeers)
    {
        GossipTestNode node = new(GenesisLoader.Load(RepoPaths.Genesis), options, persistentPeers);
        await node.Host.StartAsync();
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await Gossip.DisposeAsync();
        await Host.DisposeAsync();
        Chain.Dispose();
        _dir.Dispose();
    }
}
