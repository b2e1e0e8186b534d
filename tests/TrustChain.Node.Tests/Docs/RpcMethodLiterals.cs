using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace TrustChain.Node.Tests.Docs;

/// <summary>
/// JSON-RPC method names that appear as string literals in the node's assemblies. Methods are registered under literal
/// names, so this finds methods that exist in code even when the dev node does not serve them (prover_* on a node
/// without --prover).
/// </summary>
public static partial class RpcMethodLiterals
{
    /// <summary>Literals that look like method names but are not methods.</summary>
    public static readonly IReadOnlySet<string> NotMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "eth_subscription", // the method name of pushed subscription notifications
    };

    public static SortedSet<string> Find(string directory)
    {
        SortedSet<string> names = new(StringComparer.Ordinal);
        foreach (string dll in Directory.EnumerateFiles(directory, "TrustChain.*.dll"))
        {
            if (Path.GetFileName(dll).Contains(".Tests", StringComparison.Ordinal))
            {
                continue;
            }

            using FileStream stream = File.OpenRead(dll);
            using PEReader pe = new(stream);
            if (!pe.HasMetadata)
            {
                continue;
            }

            MetadataReader reader = pe.GetMetadataReader();
            if (reader.GetHeapSize(HeapIndex.UserString) <= 1)
            {
                continue;
            }

            for (UserStringHandle handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
            {
                string literal = reader.GetUserString(handle);
                if (MethodName().IsMatch(literal) && !NotMethods.Contains(literal))
                {
                    names.Add(literal);
                }
            }
        }

        return names;
    }

    [GeneratedRegex("^(eth|net|web3|trust|prover|admin|txpool|debug)_[a-z][A-Za-z0-9]*$")]
    private static partial Regex MethodName();
}
