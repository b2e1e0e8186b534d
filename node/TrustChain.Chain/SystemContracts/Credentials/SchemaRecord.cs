using TrustChain.Core;

namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>A registered credential schema: the schema text (e.g. an EAS-style field list) and whether its credentials can be revoked.</summary>
public sealed record SchemaRecord(Hash256 Uid, Address Registrant, bool Revocable, string Schema, ulong RegisteredBlock);
