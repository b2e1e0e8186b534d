using TrustChain.Chain.SystemContracts.Credentials;
using TrustChain.Core;
using TrustChain.Core.Crypto;
using TrustChain.Core.Receipts;
using static TrustChain.Chain.Tests.Blocks.ChainTestKit;
using static TrustChain.Chain.Tests.SystemContracts.Credentials.CredentialHarness;

namespace TrustChain.Chain.Tests.SystemContracts.Credentials;

/// <summary>
/// Every revert path of the schema, issue, revoke and verify methods, each simulated (eth_call) and mined, on one chain
/// where Key1 is a staked issuer with a revocable and a non-revocable schema and one credential under each.
/// </summary>
[TestFixture]
public sealed class CredentialRevertTests
{
    private CredentialHarness _h = null!;
    private Fixture _f = null!;

    private delegate (PrivateKey Caller, string Function, UInt256 Value, object?[] Args, string Reason) Case(Fixture f, CredentialHarness h);

    [OneTimeSetUp]
    public void SetUp()
    {
        _h = new CredentialHarness();
        _h.StakeIssuer(Key1);
        Hash256 revocable = _h.RegisterSchema(Key1, "string degree", true);
        Hash256 permanent = _h.RegisterSchema(Key1, "string birth", false);
        Hash256 credential = _h.Issue(Key1, revocable, Recipient, seed: 1);
        Hash256 unrevocable = _h.Issue(Key1, permanent, Recipient, seed: 3);
        Hash256 revoked = _h.Issue(Key1, revocable, Recipient, seed: 5);
        _h.SendOk(Key1, "revoke", UInt256.Zero, revoked);
        _f = new Fixture(revocable, permanent, credential, unrevocable, revoked);
    }

    [OneTimeTearDown]
    public void TearDown() => _h.Dispose();

    private sealed record Fixture(Hash256 Revocable, Hash256 Permanent, Hash256 Credential, Hash256 Unrevocable, Hash256 Revoked);

    private static object[] Request(Hash256 schema, ulong expiration = 0, Hash256 refUid = default) =>
        [schema, Recipient, H(0x21), expiration, refUid, H(0x22)];

    private static readonly Dictionary<string, Case> ByName = Cases().ToDictionary(c => c.Name, c => c.Case);

    private static (string Name, Case Case) C(string name, Case c) => (name, c);

    private static IEnumerable<TestCaseData> Names() => Cases().Select(c => new TestCaseData(c.Name).SetName(c.Name));

    private static IEnumerable<(string Name, Case Case)> Cases()
    {
        UInt256 zero = UInt256.Zero;
        yield return C("RegisterSchema_empty", (f, h) => (Key1, "registerSchema", zero, ["", true], "schema must not be empty"));
        yield return C("RegisterSchema_too_long", (f, h) => (Key1, "registerSchema", zero, [new string('x', 4_097), true], "schema is 4097 bytes, over the limit of 4096"));
        yield return C("RegisterSchema_duplicate", (f, h) => (Key1, "registerSchema", zero, ["string degree", true], $"schema {f.Revocable} is already registered"));
        yield return C("GetSchema_unknown", (f, h) => (Key2, "getSchema", zero, [H(9)], $"unknown schema {H(9)}"));
        yield return C("Issue_by_an_unstaked_account", (f, h) => (Key2, "issue", zero, Request(f.Revocable),
            $"caller is not an active Issuer: it needs at least {h.Parameters.MinIssuerStake} wei of Issuer stake and no jail"));
        yield return C("Issue_unknown_schema", (f, h) => (Key1, "issue", zero, Request(H(9)), $"unknown schema {H(9)}"));
        yield return C("Issue_zero_schema", (f, h) => (Key1, "issue", zero, Request(Hash256.Zero), $"unknown schema {Hash256.Zero}"));
        yield return C("Issue_expiration_now", (f, h) => (Key1, "issue", zero, Request(f.Revocable, h.NextBlockSeconds),
            $"expiration {h.NextBlockSeconds} is not after the block time {h.NextBlockSeconds}"));
        yield return C("Issue_unknown_reference", (f, h) => (Key1, "issue", zero, Request(f.Revocable, 0, H(9)), $"referenced credential {H(9)} does not exist"));
        yield return C("Issue_with_value", (f, h) => (Key1, "issue", UInt256.One, Request(f.Revocable),
            "function issue(bytes32,address,bytes32,uint64,bytes32,bytes32) is not payable"));
        yield return C("IssueMany_empty", (f, h) => (Key1, "issueMany", zero, [Array.Empty<object>()], "no credentials to issue"));
        yield return C("IssueMany_over_the_limit", (f, h) => (Key1, "issueMany", zero,
            [Enumerable.Repeat<object>(Request(f.Revocable), 501).ToArray()], "501 credentials in one call, over the limit of 500"));
        yield return C("IssueMany_bad_item_names_its_index", (f, h) => (Key1, "issueMany", zero,
            [new object[] { Request(f.Revocable), Request(f.Permanent), Request(f.Revocable, 1) }], $"requests[2]: expiration 1 is not after the block time {h.NextBlockSeconds}"));
        yield return C("IssueMany_by_an_unstaked_account", (f, h) => (Key2, "issueMany", zero, [new object[] { Request(f.Revocable) }],
            $"caller is not an active Issuer: it needs at least {h.Parameters.MinIssuerStake} wei of Issuer stake and no jail"));
        yield return C("Revoke_unknown", (f, h) => (Key1, "revoke", zero, [H(9)], $"unknown credential {H(9)}"));
        yield return C("Revoke_by_another_account", (f, h) => (Key2, "revoke", zero, [f.Credential], "only the issuer can revoke a credential"));
        yield return C("Revoke_non_revocable", (f, h) => (Key1, "revoke", zero, [f.Unrevocable], "the credential's schema is not revocable"));
        yield return C("Revoke_twice", (f, h) => (Key1, "revoke", zero, [f.Revoked], "credential is already revoked"));
        yield return C("RevokeMany_empty", (f, h) => (Key1, "revokeMany", zero, [Array.Empty<object>()], "no credentials to revoke"));
        yield return C("RevokeMany_over_the_limit", (f, h) => (Key1, "revokeMany", zero, [Enumerable.Repeat<object>(f.Credential, 1_001).ToArray()],
            "1001 credentials in one call, over the limit of 1000"));
        yield return C("RevokeMany_duplicate_names_its_index", (f, h) => (Key1, "revokeMany", zero, [new object[] { f.Credential, f.Credential }],
            "uids[1]: credential is already revoked"));
        yield return C("RevokeMany_bad_item_names_its_index", (f, h) => (Key1, "revokeMany", zero, [new object[] { f.Credential, f.Unrevocable }],
            "uids[1]: the credential's schema is not revocable"));
        yield return C("GetCredential_unknown", (f, h) => (Key2, "getCredential", zero, [H(9)], $"unknown credential {H(9)}"));
        yield return C("Verify_below_the_fee", (f, h) => (Key2, "verifyCredential", h.Parameters.CredentialVerificationFee - 1, [f.Credential, Address.Zero],
            $"verification fee is {h.Parameters.CredentialVerificationFee} wei, got {h.Parameters.CredentialVerificationFee - 1}"));
        yield return C("Verify_without_value", (f, h) => (Key2, "verifyCredential", zero, [f.Credential, Address.Zero],
            $"verification fee is {h.Parameters.CredentialVerificationFee} wei, got 0"));
        yield return C("Verify_unknown", (f, h) => (Key2, "verifyCredential", h.Parameters.CredentialVerificationFee, [H(9), Address.Zero], "unknown credential"));
        yield return C("Verify_revoked", (f, h) => (Key2, "verifyCredential", h.Parameters.CredentialVerificationFee, [f.Revoked, Address.Zero], "credential is revoked"));
        yield return C("Verify_paying_the_prover_share_to_Staking", (f, h) => (Key2, "verifyCredential", h.Parameters.CredentialVerificationFee,
            [f.Credential, Address.Parse("0x0000000000000000000000000000000000001000")], "prover cannot be a system contract"));
        yield return C("Verify_paying_the_prover_share_to_the_registry", (f, h) => (Key2, "verifyCredential", h.Parameters.CredentialVerificationFee,
            [f.Credential, CredentialRegistryState.ContractAddress], "prover cannot be a system contract"));
    }

    [TestCaseSource(nameof(Names))]
    public void Reverts_with_its_reason_and_changes_nothing_but_the_gas_paid(string name)
    {
        (PrivateKey caller, string function, UInt256 value, object?[] args, string reason) = ByName[name](_f, _h);
        UInt256 callerBefore = _h.Balance(caller.Address);
        TxReceipt receipt = _h.SendReverts(caller, function, value, reason, args);
        Assert.Multiple(() =>
        {
            Assert.That(_h.Balance(caller.Address), Is.EqualTo(callerBefore - receipt.EffectiveGasPrice * receipt.GasUsed));
            Assert.That(receipt.Logs, Is.Empty);
            Assert.That(_h.Registry.CountByIssuer(_h.Head, Key1.Address), Is.EqualTo(3UL));
            Assert.That(_h.IsValid(_f.Credential), Is.True);
            Assert.That(_h.InvalidReason(_f.Revoked), Is.EqualTo("credential is revoked"));
            Assert.That(_h.Registry.GetSchema(_h.Head, CredentialUids.Schema("", Key1.Address, true)), Is.Null);
        });
    }
}
