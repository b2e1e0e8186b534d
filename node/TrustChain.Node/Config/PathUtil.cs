namespace TrustChain.Node.Config;

/// <summary>Expands a leading "~" the way a shell would, since config files and env vars are not shell-expanded.</summary>
public static class PathUtil
{
    public static string Expand(string path, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            return Path.GetFullPath(Path.Combine(Home(environment), path.Length > 1 ? path[2..] : string.Empty));
        }

        return Path.GetFullPath(path);
    }

    public static string Home(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("HOME", out string? home) && home.Length > 0
            ? home
            : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
}
