using TrustChain.Consensus;
using TrustChain.Core;
using TrustChain.Core.Blocks;
using TrustChain.Core.Crypto;
using TrustChain.Node.Dev;
using TrustChain.Node.Tests.Keystore;

namespace TrustChain.Node.Tests.Crash;

/// <summary>
/// The canonical vote sign-bytes the crash audit verifies commits with, pinned against ethers 6 (encodeRlp +
/// keccak256 + recoverAddress) so the BFT engine that reuses them stays compatible with the dev chain's commits.
/// </summary>
public class VoteSignBytesTests
{
    private const string Script = """
        import { encodeRlp, keccak256, toBeHex, toUtf8Bytes, recoverAddress } from "ethers";
        const q = (n) => (BigInt(n) === 0n ? "0x" : toBeHex(BigInt(n)));
        const e = process.env;
        const digest = keccak256(encodeRlp([q(e.V_CHAIN), q(e.V_HEIGHT), q(e.V_ROUND), e.V_HASH, toUtf8Bytes(e.V_STEP)]));
        const sig = e.V_SIG;
        const signer = recoverAddress(digest, { r: "0x" + sig.slice(2, 66), s: "0x" + sig.slice(66, 130), v: 27 + parseInt(sig.slice(130, 132), 16) });
        console.log(digest + " " + signer);
        """;

    [TestCase(7357UL, 1UL, 0U, VoteType.Precommit)]
    [TestCase(7357UL, 123_456_789UL, 3U, VoteType.Precommit)]
    [TestCase(1UL, 0UL, 0U, VoteType.Prevote)]
    [TestCase(ulong.MaxValue, 56UL, uint.MaxValue, VoteType.Prevote)]
    public void SignBytesAndSignature_MatchEthers(ulong chainId, ulong height, uint round, VoteType type)
    {
        Hash256 blockHash = Keccak256.Compute(BitConverter.GetBytes(height ^ chainId));
        PrivateKey validator = DevAccounts.Get(0);
        Hash256 digest = VoteSignBytes.Compute(chainId, height, round, blockHash, type);
        CommitSignature signature = CommitSigner.SignPrecommit(validator, chainId, height, round, blockHash);
        byte[] signed = type == VoteType.Precommit
            ? signature.Signature
            : validator.Sign(digest).ToBytes65();

        string output = NodeScript.Run(Script, new Dictionary<string, string>
        {
            ["V_CHAIN"] = chainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["V_HEIGHT"] = height.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["V_ROUND"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["V_HASH"] = blockHash.ToString(),
            ["V_STEP"] = type == VoteType.Precommit ? "precommit" : "prevote",
            ["V_SIG"] = Hex.ToHexString(signed),
        });

        Assert.That(output, Is.EqualTo($"{digest} {validator.Address}"));
    }

    [Test]
    public void CommitVerification_RejectsWrongChainAndForgedSigner()
    {
        PrivateKey validator = DevAccounts.Get(0);
        Block block = new(new BlockHeader { Number = 5, Timestamp = 1 }, [], null, []);
        Commit commit = CommitSigner.CreateSingleValidatorCommit(validator, 7357, block);
        Assert.That(CommitSigner.VerifySignatures(commit, 7357), Is.True);
        Assert.That(CommitSigner.VerifySignatures(commit, 7358), Is.False, "a vote must not verify on another chain");

        Commit forged = new(commit.Height, commit.Round, commit.BlockHash, [new CommitSignature(DevAccounts.Get(1).Address, commit.Signatures[0].Signature)]);
        Assert.That(CommitSigner.VerifySignatures(forged, 7357), Is.False);
        Assert.That(CommitSigner.VerifySignatures(new Commit(5, 0, block.Hash, []), 7357), Is.False, "an empty commit proves nothing");
    }
}
