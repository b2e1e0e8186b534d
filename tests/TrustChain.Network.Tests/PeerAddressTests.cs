using System.Net;
using TrustChain.Core.Crypto;

namespace TrustChain.Network.Tests;

public class PeerAddressTests
{
    [TestCase("127.0.0.1:30303", "127.0.0.1", 30303)]
    [TestCase("node.example:1", "node.example", 1)]
    [TestCase("[::1]:65535", "::1", 65535)]
    public void Parse_HostAndPort(string text, string host, int port)
    {
        PeerAddress address = PeerAddress.Parse(text);
        Assert.That((address.Host, address.Port, address.NodeId), Is.EqualTo((host, port, (NodeId?)null)));
    }

    [Test]
    public void Parse_WithNodeId_RoundTrips()
    {
        NodeId id = NodeId.FromPrivateKey(PrivateKey.Generate());
        PeerAddress address = PeerAddress.Parse($"{id.ToHexString()}@127.0.0.1:4000");
        Assert.That(address.NodeId, Is.EqualTo(id));
        Assert.That(PeerAddress.Parse(address.ToString()).NodeId, Is.EqualTo(id));
    }

    [TestCase("127.0.0.1")]
    [TestCase("127.0.0.1:")]
    [TestCase(":30303")]
    [TestCase("127.0.0.1:0")]
    [TestCase("127.0.0.1:65536")]
    [TestCase("127.0.0.1:-5")]
    [TestCase("abcd@127.0.0.1:1")]
    public void Parse_Invalid_Throws(string text)
    {
        Assert.Throws<FormatException>(() => PeerAddress.Parse(text));
    }

    [Test]
    public void NodeId_RejectsNonCurvePoint()
    {
        byte[] notOnCurve = new byte[64];
        notOnCurve[63] = 1;
        Assert.Throws<ArgumentException>(() => _ = new NodeId(notOnCurve));
        Assert.Throws<ArgumentException>(() => _ = new NodeId(new byte[33]));
    }

    [Test]
    public void Config_Validate_RejectsInconsistentTimeouts()
    {
        P2PConfig config = TestNet.Config() with { PingInterval = TimeSpan.FromSeconds(5), PingTimeout = TimeSpan.FromSeconds(5) };
        Assert.That(Assert.Throws<ArgumentException>(config.Validate)!.Message, Does.Contain("PingTimeout"));
        Assert.Throws<ArgumentException>(() => _ = new P2PHost(TestNet.Config() with { MaxFrameSize = 10 }));
        Assert.DoesNotThrow(TestNet.Config(listen: IPAddress.Loopback).Validate);
    }
}
