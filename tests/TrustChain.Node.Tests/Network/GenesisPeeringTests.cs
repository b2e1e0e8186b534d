using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using TrustChain.Chain.Blocks;
using TrustChain.Chain.Specs;
using TrustChain.Core.Crypto;
using TrustChain.Network;
using TrustChain.Network.Handshake;
using TrustChain.Node.Hosting;
using TrustChain.Node.Hosting.Network;
using TrustChain.Node.Tests.Cli;
using ChainTxPool = TrustChain.Chain.TxPool.TxPool;

namespace TrustChain.Node.Tests.Network;

/// <summary>
/// A node whose genesis.json differs only in a system parameter or in the prover committee has another genesis hash,
/// so the handshake refuses it instead of letting the two peer and fork at the first block that reads the difference.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class GenesisPeeringTests
{
    [TestCase("params.dedupMatch", true)]
    [TestCase("params.timeoutCommitMs", true)]
    [TestCase("proverCommittee member", true)]
    [TestCase("proverCommittee threshold", true)]
    [TestCase("layout only", false)]
    public async Task A_peer_with_other_parameters_or_committee_is_refused(string change, bool refused)
    {
        using TempDirectory dir = new();
        ChainSpec spec = GenesisLoader.Load(RepoPaths.Genesis);
        ChainSpec other = ChainSpec.Parse(Edit(change));
        using Blockchain chain = Blockchain.Open(Path.Combine(dir.Path, "db"), spec, NodeRunner.CreateChainOptions(spec));
        using Blockchain otherChain = Blockchain.Open(Path.Combine(dir.Path, "other-db"), other, NodeRunner.CreateChainOptions(other));
        Assert.That(otherChain.GenesisHash == chain.GenesisHash, Is.EqualTo(!refused), "genesis hashes");

        ChainTxPool pool = new(spec, () => chain.HeadState, () => chain.NextBaseFee);
        NetworkSettings settings = LoneFollowerSettings.In(dir.Path);
        using CancellationTokenSource stop = new();
        NetworkNode node = new(chain, pool, settings, PrivateKey.Generate(), null, dir.Path, NullLoggerFactory.Instance);
        await using (node.ConfigureAwait(false))
        {
            await node.StartAsync(stop.Token);
            await using P2PHost peer = new(new P2PConfig
            {
                NodeKey = PrivateKey.Generate(),
                ChainId = other.ChainId,
                GenesisHash = otherChain.GenesisHash,
                Listen = false,
            });
            await peer.StartAsync(stop.Token);
            PeerAddress address = PeerAddress.Parse($"{node.NodeId.ToHexString()}@{node.Host.ListenEndPoint}");
            if (refused)
            {
                HandshakeException? failure = Assert.ThrowsAsync<HandshakeException>(() => peer.ConnectAsync(address, stop.Token));
                Assert.That(failure!.Reason, Is.EqualTo(DisconnectReason.GenesisMismatch));
                Assert.That(peer.PeerCount, Is.Zero);
            }
            else
            {
                Assert.That(await peer.ConnectAsync(address, stop.Token), Is.EqualTo(node.NodeId));
            }

            await stop.CancelAsync();
        }
    }

    private static string Edit(string change)
    {
        JsonObject json = JsonNode.Parse(File.ReadAllText(RepoPaths.Genesis))!.AsObject();
        JsonObject parameters = json["params"]!.AsObject();
        JsonObject committee = json["proverCommittee"]!.AsObject();
        switch (change)
        {
            case "params.dedupMatch":
                parameters["dedupMatch"] = parameters["dedupMatch"]!.GetValue<int>() + 1;
                break;
            case "params.timeoutCommitMs":
                parameters["timeoutCommitMs"] = parameters["timeoutCommitMs"]!.GetValue<ulong>() + 1;
                break;
            case "proverCommittee member":
                // Seat 3 served by another account: same shares, another prover paid and trusted for them.
                committee["members"]![2]!["address"] = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
                break;
            case "proverCommittee threshold":
                // Three shares of a line also lie on a parabola through the same key, so t = 3 still parses.
                committee["threshold"] = 3;
                break;
            default:
                // Same values: the stability parameter spelled out at its default is dropped, letters change case.
                parameters.Remove("maxValidators");
                committee["publicKey"] = committee["publicKey"]!.GetValue<string>().ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal);
                break;
        }

        return json.ToJsonString();
    }
}
