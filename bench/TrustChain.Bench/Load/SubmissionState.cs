namespace TrustChain.Bench.Load;

public enum SubmissionState
{
    Unsent = 0,
    Accepted = 1,
    Failed = 2,
}
