namespace TrustChain.Bench.Load;

/// <summary>The transfers of the senders assigned to one node: its client, plan, submitter and receipt watcher.</summary>
public sealed class TransferLoadGroup : IDisposable
{
    public TransferLoadGroup(Uri url, JsonRpcHttpClient client, SignedTransfer[] plan, int batch, double rate)
    {
        Url = url;
        Client = client;
        Plan = plan;
        Submitter = new TransferSubmitter(client, plan, batch, rate);
        Watcher = new ReceiptWatcher(client, plan);
        Submitter.Accepted += Watcher.MarkAccepted;
    }

    public Uri Url { get; }

    public JsonRpcHttpClient Client { get; }

    public SignedTransfer[] Plan { get; }

    public TransferSubmitter Submitter { get; }

    public ReceiptWatcher Watcher { get; }

    /// <summary>Adds each transfer's submission-to-receipt time (accepted attempt sent → receipt seen on this node).</summary>
    public void AddLatencies(LatencyRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        for (int i = 0; i < Plan.Length; i++)
        {
            long sent = Submitter.AcceptedSentTimestamp(i);
            long seen = Watcher.SeenTimestamp(i);
            if (sent != 0 && seen >= sent)
            {
                recorder.Add(seen - sent);
            }
        }
    }

    public void Dispose() => Client.Dispose();
}
