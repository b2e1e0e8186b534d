using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustChain.Chain.Abi;
using TrustChain.Core;

namespace TrustChain.Chain.Tests.Abi;

/// <summary>Converts the fixture's JSON values to the codec's value model and renders values canonically for comparison.</summary>
internal static class AbiTestValues
{
    public static string RepoRoot
    {
        get
        {
            DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrustChain.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("repo root not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    public static object FromJson(AbiType type, JsonNode? node) => type.Kind switch
    {
        AbiTypeKind.UInt => UInt256.Parse(node!.GetValue<string>()),
        AbiTypeKind.Int => BigInteger.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture),
        AbiTypeKind.Address => Address.Parse(node!.GetValue<string>()),
        AbiTypeKind.Bool => node!.GetValue<bool>(),
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => Hex.FromHexString(node!.GetValue<string>()),
        AbiTypeKind.String => node!.GetValue<string>(),
        AbiTypeKind.Tuple => node!.AsArray().Select((n, i) => FromJson(type.Components[i], n)).ToArray(),
        _ => node!.AsArray().Select(n => FromJson(type.Element!, n)).ToArray(),
    };

    public static string Canon(AbiType type, object value) => type.Kind switch
    {
        AbiTypeKind.UInt => ((UInt256)value).ToString(),
        AbiTypeKind.Int => ((BigInteger)value).ToString(CultureInfo.InvariantCulture),
        AbiTypeKind.Address => ((Address)value).ToLowerHex(),
        AbiTypeKind.Bool => (bool)value ? "true" : "false",
        AbiTypeKind.FixedBytes or AbiTypeKind.Bytes => Hex.ToHexString((byte[])value),
        AbiTypeKind.String => JsonSerializer.Serialize((string)value),
        AbiTypeKind.Tuple => "(" + string.Join(",", ((object[])value).Select((v, i) => Canon(type.Components[i], v))) + ")",
        _ => "[" + string.Join(",", ((object[])value).Select(v => Canon(type.Element!, v))) + "]",
    };
}
