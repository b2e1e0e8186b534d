using System.Net;
using System.Text;
using TrustChain.Core;
using TrustChain.Core.Crypto;

namespace TrustChain.Network.Tests;

internal static class TestNet
{
    public const ulong ChainId = 7357;

    public static readonly Hash256 Genesis = Keccak256.Compute(Encoding.ASCII.GetBytes("trustchain test genesis"));

    public static P2PConfig Config(PrivateKey? key = null, IPAddress? listen = null) => new()
    {
        NodeKey = key ?? PrivateKey.Generate(),
        ChainId = ChainId,
        GenesisHash = Genesis,
        ListenAddress = listen ?? IPAddress.Loopback,
        ListenPort = 0,
        HandshakeTimeout = TimeSpan.FromSeconds(3),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PingInterval = TimeSpan.FromSeconds(2),
        PingTimeout = TimeSpan.FromSeconds(10),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        BanDuration = TimeSpan.FromMinutes(5),
    };

    public static async Task<P2PHost> StartAsync(P2PConfig config, params (byte Channel, RecordingHandler Handler)[] channels)
    {
        P2PHost host = new(config);
        foreach ((byte channel, RecordingHandler handler) in channels)
        {
            host.RegisterChannel(channel, handler);
        }

        await host.StartAsync();
        return host;
    }

    public static PeerAddress AddressOf(P2PHost host, bool withId = true) => new(host.ListenEndPoint!, withId ? host.LocalNodeId : null);

    /// <summary>Polls until the condition holds; fails the test after the timeout.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string what) => EventuallyAsync(condition, TimeSpan.FromSeconds(5), what);
}
