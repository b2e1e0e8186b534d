using TrustChain.Chain.State;
using TrustChain.Core;
using TrustChain.Core.Rlp;

namespace TrustChain.Chain.Tests.State;

[TestFixture]
public class StateInputValidationTests
{
    [TestCase("c0", TestName = "Account_EmptyList")]
    [TestCase("c3018201", TestName = "Account_TruncatedBalance")]
    [TestCase("c3008100", TestName = "Account_NonCanonicalZeroScalar")]
    [TestCase("c28080", TestName = "Account_EmptyAccountStored")]
    [TestCase("c2010101", TestName = "Account_TrailingBytes")]
    [TestCase("c301020304", TestName = "Account_ExtraField")]
    public void AccountEncoding_RejectsMalformedValues(string hex)
    {
        Assert.That(() => AccountEncoding.Decode(Hex.FromHexString(hex)), Throws.TypeOf<RlpException>());
    }

    [Test]
    public void AccountEncoding_RoundTrips()
    {
        Account account = new(7, UInt256.Parse("0x0123456789abcdef0123456789abcdef"));
        Assert.That(AccountEncoding.Decode(AccountEncoding.Encode(account)), Is.EqualTo(account));
    }

    [TestCase("")]
    [TestCase("c0")]
    [TestCase("c5a000000000")]
    public void StateProof_Decode_RejectsGarbage(string hex)
    {
        Assert.That(() => StateProof.Decode(Hex.FromHexString(hex)), Throws.InstanceOf<Exception>().And.Not.InstanceOf<IndexOutOfRangeException>());
    }

    [Test]
    public void StateProof_RejectsInconsistentParts()
    {
        Hash256 key = Hash256.Zero;
        Assert.That(() => new StateProof(key, [], [], null, null), Throws.ArgumentException);
        Assert.That(() => new StateProof(key, [1], [], key, key), Throws.ArgumentException);
        Assert.That(() => new StateProof(key, null, [], key, null), Throws.ArgumentException);
        Assert.That(() => new StateProof(key, null, new Hash256[257], null, null), Throws.ArgumentException);
    }

    [Test]
    public void StorageSlot_TooLong_IsRejected()
    {
        Assert.That(() => StateKeys.Storage(Address.Zero, new byte[StateKeys.MaxSlotLength + 1]), Throws.ArgumentException);
        Assert.That(StateKeys.Storage(Address.Zero, new byte[StateKeys.MaxSlotLength]), Is.Not.EqualTo(Hash256.Zero));
    }

    [Test]
    public void UnknownRoot_IsReportedClearly()
    {
        using TempStateDb db = new();
        Hash256 unknown = Hash256.Parse("0x" + new string('1', 64));
        Assert.That(() => db.State.GetReader(unknown), Throws.TypeOf<StateRootNotFoundException>().With.Message.Contains(unknown.ToString()));
        Assert.That(() => db.State.OpenWorldState(unknown), Throws.TypeOf<StateRootNotFoundException>());
        Assert.That(db.State.HasRoot(unknown), Is.False);
        Assert.That(db.State.HasRoot(StateDatabase.EmptyRoot), Is.True);
    }
}
