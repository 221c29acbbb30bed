namespace Prow.GrainInterfaces;

/// <summary>Every grain key is built and parsed here: <c>org/repo</c>, <c>org/repo#123</c>, <c>org/repo@branch</c>.</summary>
public static class GrainKeys
{
    public static string Repository(string org, string repo) => $"{org}/{repo}".ToLowerInvariant();

    public static string PullRequest(string org, string repo, int number) => $"{Repository(org, repo)}#{number}";

    public static string MergePool(string org, string repo, string branch) => $"{Repository(org, repo)}@{branch}";

    /// <summary>Splits a pull request key "org/repo#number".</summary>
    public static bool TryParsePullRequest(string key, out string org, out string repo, out int number)
    {
        ArgumentNullException.ThrowIfNull(key);
        number = 0;
        var hash = key.LastIndexOf('#');
        if (hash < 0 || !int.TryParse(key.AsSpan(hash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            org = repo = "";
            return false;
        }

        return TryParseRepository(key[..hash], out org, out repo);
    }

    /// <summary>Splits a merge pool key "org/repo@branch" (branch names may contain '/', never '@' before the repo).</summary>
    public static bool TryParseMergePool(string key, out string org, out string repo, out string branch)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf('@', StringComparison.Ordinal);
        branch = at < 0 ? "" : key[(at + 1)..];
        if (at < 0 || branch.Length == 0)
        {
            org = repo = "";
            return false;
        }

        return TryParseRepository(key[..at], out org, out repo);
    }

    /// <summary>Splits "org/repo" (GitHub's full_name); false when it is not of that shape.</summary>
    public static bool TryParseRepository(string? fullName, out string org, out string repo)
    {
        org = repo = "";
        var slash = fullName?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (fullName is null || slash <= 0 || slash == fullName.Length - 1 || fullName.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }

        org = fullName[..slash];
        repo = fullName[(slash + 1)..];
        return true;
    }
}
