namespace TrustChain.Rpc.Docs;

/// <summary>
/// The reference entry of one JSON-RPC method: what docs/json-rpc.md says about it, and the example call the generator
/// sends to a dev node to record a real request and response.
/// </summary>
/// <param name="Name">The method name, e.g. <c>eth_getBalance</c>.</param>
/// <param name="Summary">One or two sentences: what it returns or does.</param>
/// <param name="Params">The positional parameters, in order.</param>
/// <param name="Result">The result's shape and meaning, including what an unknown object gives (null or an error).</param>
/// <param name="ExampleParams">
/// The example's params array as JSON. Values only a running chain knows are written as placeholders the generator
/// fills in from its seeded activity: <c>$account</c>, <c>$recipient</c>, <c>$issuer</c>, <c>$blockNumber</c>, <c>$blockHash</c>,
/// <c>$txHash</c>, <c>$rawTx</c> (a fresh signed transfer), <c>$schemaUid</c>, <c>$credentialUid</c>, <c>$commitment</c> (human 0's
/// identity commitment, decimal), <c>$filterId</c>,
/// <c>$subscriptionId</c>. The seeded chain also holds model 1 (owned by $issuer), of which $account bought calls.
/// </param>
public sealed record RpcMethodDoc(string Name, string Summary, IReadOnlyList<RpcParamDoc> Params, string Result, string ExampleParams)
{
    public RpcAvailability Availability { get; init; } = RpcAvailability.EveryNode;

    /// <summary>The namespace before the underscore: eth, net, web3, trust, prover, …</summary>
    public string Namespace => Name.IndexOf('_') is > 0 and int i ? Name[..i] : Name;
}
