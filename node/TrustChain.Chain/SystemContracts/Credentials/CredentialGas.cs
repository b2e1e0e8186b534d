namespace TrustChain.Chain.SystemContracts.Credentials;

/// <summary>
/// Gas per CredentialRegistry method, on top of the transaction's intrinsic and calldata gas. Priced like Staking: about
/// 5,000 per storage write and 800 per read plus a margin. An issued credential writes its record and the recipient's
/// list head (count and unfilled chunk in one value) and, in a batch, a sixteenth of an issuer chunk: ≈ 5,300 of writes,
/// two reads and a three-topic event (≈ 1,800 at EVM log prices), so 10,000 per item keeps a margin. A single issue
/// also reads and writes the issuer's list head and checks the issuer's stake, which a batch pays once in its fixed part.
/// </summary>
public static class CredentialGas
{
    public const ulong RegisterSchema = 40_000;

    /// <summary>Per byte of the call's arguments: the schema text is stored.</summary>
    public const ulong RegisterSchemaPerByte = 40;

    public const ulong Issue = 30_000;
    public const ulong IssueMany = 20_000;
    public const ulong IssueManyPerItem = 10_000;
    public const ulong Revoke = 20_000;
    public const ulong RevokeMany = 10_000;
    public const ulong RevokeManyPerItem = 12_000;
    public const ulong VerifyCredential = 45_000;

    /// <summary>Proposing and voting tally the active validator set: a fixed part plus a read per active validator.</summary>
    public const ulong ProposeIssuerSlash = 80_000;
    public const ulong VoteIssuerSlash = 70_000;
    public const ulong CloseIssuerSlash = 25_000;
    public const ulong PerActiveValidator = 2_000;

    public const ulong View = 2_500;
    public const ulong ValidityView = 5_000;
    public const ulong ListView = 2_500;
    public const ulong ListViewPerItem = 800;
}
