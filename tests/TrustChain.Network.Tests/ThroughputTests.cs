using System.Diagnostics;

namespace TrustChain.Network.Tests;

[CancelAfter(30_000)]
public class ThroughputTests
{
    [Test]
    public async Task BulkTransfer_AllDelivered_AndRateReported()
    {
        RecordingHandler sink = new();
        await using P2PHost a = await TestNet.StartAsync(TestNet.Config(), (1, sink));
        await using P2PHost b = await TestNet.StartAsync(TestNet.Config());
        await b.ConnectAsync(TestNet.AddressOf(a));
        await TestNet.EventuallyAsync(() => a.PeerCount == 1, "connected");

        const int messages = 1024;
        byte[] chunk = new byte[64 * 1024];
        Stopwatch watch = Stopwatch.StartNew();
        for (int burst = 0; burst < messages / 128; burst++)
        {
            for (int i = 0; i < 128; i++)
            {
                Assert.That(b.Send(a.LocalNodeId, 1, 1, chunk), Is.True);
            }

            int expected = (burst + 1) * 128;
            await TestNet.EventuallyAsync(() => sink.Messages.Count >= expected - 64, TimeSpan.FromSeconds(20), "burst drained");
        }

        await TestNet.EventuallyAsync(() => sink.Messages.Count == messages, TimeSpan.FromSeconds(20), "all delivered");
        watch.Stop();
        double megabytes = messages * (double)chunk.Length / (1024 * 1024);
        TestContext.Out.WriteLine($"{megabytes:0} MiB in {watch.ElapsedMilliseconds} ms = {megabytes / watch.Elapsed.TotalSeconds:0} MiB/s");

        Stopwatch handshakes = Stopwatch.StartNew();
        const int dials = 20;
        for (int i = 0; i < dials; i++)
        {
            await using P2PHost c = await TestNet.StartAsync(TestNet.Config() with { Listen = false });
            await c.ConnectAsync(TestNet.AddressOf(a));
        }

        TestContext.Out.WriteLine($"{dials} host starts + connects + handshakes: {handshakes.ElapsedMilliseconds / (double)dials:0.0} ms each");
    }
}
