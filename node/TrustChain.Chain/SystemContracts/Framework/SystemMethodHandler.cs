namespace TrustChain.Chain.SystemContracts;

/// <summary>A method body: gets the decoded arguments, returns the output values in declaration order ([] for none).</summary>
public delegate object?[] SystemMethodHandler(SystemContractContext context, AbiArgs args);
