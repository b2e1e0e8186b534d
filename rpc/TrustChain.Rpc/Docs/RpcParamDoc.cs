namespace TrustChain.Rpc.Docs;

/// <summary>One positional parameter of a JSON-RPC method as the reference documents it.</summary>
/// <param name="Name">What the parameter is called in the reference (positional on the wire).</param>
/// <param name="Type">The JSON shape, in execution-apis terms: QUANTITY, DATA (20/32 bytes), Block, Object, boolean, …</param>
/// <param name="Description">What it means and which values are accepted.</param>
/// <param name="Optional">May be omitted; the description names the default.</param>
public sealed record RpcParamDoc(string Name, string Type, string Description, bool Optional = false);
