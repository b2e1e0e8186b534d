namespace TrustChain.Rpc.Metrics;

/// <summary>The /health answer: "ok" (head advancing), "syncing" (advancing while catching up) or "stalled".</summary>
public sealed record HealthReport(bool Healthy, string Status, ulong Head, string HeadHash, long HeadAgeMs, bool Syncing, int Peers);
