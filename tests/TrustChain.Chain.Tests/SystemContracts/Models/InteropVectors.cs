namespace TrustChain.Chain.Tests.SystemContracts.Models;

/// <summary>Values computed by ethers v6 with tests/interop/models/vectors.mjs (independent of the C# code).</summary>
internal static class InteropVectors
{
    public const string Seed = "0x93154a98fda1fae0b411449c235c6e16af699069592588c781a263b69d259d8c";
    public const string UserAddress = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    public const string HostAddress = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    public const string DomainSeparator = "0x9092c73406bd0cb8ecd90091adb7fdf930e22cb724463bfa3e3fa2c6423eda2a";
    public const string UsageDigest = "0x6bbaade8faf6637176f87b3ad1dcd91f40fb02297361abe2a8a1f1f33b91a4dd";
    public const string UsageSignature = "0xb204af17201c7e21ea0afbc5da69b2ecc92c8b18db61237c82ff49babc7c5ce1173ae9807e8c061beb83d0339af1540223aad015e422f87545f04081e72518ac1c";
    public const string ResponseDigest = "0x75a2500a5b044fc75bf64767288ac21a02a8914b4d57489dfbcecd0ab093c92b";
    public const string ResponseSignature = "0x93e52595af5e6d04e6e28e0266adfb167edc057498d79c7f540c974f7e1c04686e031bf48d30df74775213c6ecbdb39ae1d725f174600fc75988abcbbe1db4741c";
    public const string HumanScope7 = "87895705767567238553473985438455985278764118067511783245046236864268355836591";
    public const string FirstKey = "0x6d19a1ee44bf9f91c0da1cc8f88290568ab809c8f14352fc9d45727840839bad";

    /// <summary>(count, last response, root) of FingerprintSet.Generate(Seed, count).</summary>
    public static readonly (int Count, string LastResponse, string Root)[] Sets =
    [
        (1, "0x95a797eca88837997e941e09c71e36b3625afddec0b376a53a401b56f05243db", "0x7f49a7756cc39c82982fe056c7829b728f17f1916d7d22cbb0b2f4f5fc8bffb1"),
        (3, "0xd1c878e6de889d04e4c6399a634634dac789172d2cf43dcb301da708cc914090", "0xa15c16eb35a3a2b5432b15dcd13a86c59e7d621278a3a0426c9c48035ba5b3b0"),
        (5, "0x802df78eebbe2b15aa1529da8b508ec53c9d8ccf3184235349e79a47f4b2390e", "0xeb52ea3acb67d399cf8b7d9838d3a2b400aab28b6accbcfd1c27bc8c2482cbc2"),
        (256, "0xb336f5d73a8d1daf6ff603b469409fe576cbfa3f14fb4f92a5d08a660805906e", "0xa5f2e53e03d9da6174d9e8fc56f53c5ae3a9953188c97a870631d138aaa4f792"),
    ];
}
