using System.Collections.Concurrent;
using TrustChain.Consensus.Tendermint;

namespace TrustChain.Consensus.Tests.Driver;

/// <summary>An in-process network for drivers: every broadcast reaches every other attached, connected endpoint.</summary>
public sealed class LoopbackHub
{
    private readonly ConcurrentDictionary<string, Endpoint> _endpoints = new();

    public Endpoint Attach(string id)
    {
        Endpoint endpoint = new(this, id);
        _endpoints[id] = endpoint;
        return endpoint;
    }

    public sealed class Endpoint : IConsensusTransport
    {
        private readonly LoopbackHub _hub;

        internal Endpoint(LoopbackHub hub, string id)
        {
            _hub = hub;
            Id = id;
        }

        public event Action<string, ReadOnlyMemory<byte>>? MessageReceived;

        public string Id { get; }

        /// <summary>A disconnected endpoint neither sends nor receives (a crashed or partitioned node).</summary>
        public volatile bool Connected = true;

        public ConcurrentQueue<string> BadPeerReports { get; } = new();

        public void Broadcast(ReadOnlyMemory<byte> encodedMessage)
        {
            if (!Connected)
            {
                return;
            }

            foreach (Endpoint other in _hub._endpoints.Values)
            {
                if (other != this && other.Connected)
                {
                    other.MessageReceived?.Invoke(Id, encodedMessage.ToArray());
                }
            }
        }

        public void ReportBadPeer(string peerId, string reason) => BadPeerReports.Enqueue($"{peerId}: {reason}");

        /// <summary>Delivers raw bytes as if <paramref name="from"/> had sent them.</summary>
        public void Inject(string from, byte[] payload) => MessageReceived?.Invoke(from, payload);
    }
}
