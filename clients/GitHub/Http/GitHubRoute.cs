using System.Globalization;
using System.Text;

namespace Prow.Clients.GitHub;

/// <summary>
/// A request target: the template (the metrics tag, e.g. <c>/repos/{owner}/{repo}/pulls/{number}</c>),
/// the concrete path with query, and the owner/repo the App authorizer needs to pick an installation.
/// </summary>
internal sealed record GitHubRoute(string Template, string PathAndQuery, string? Owner, string? Repo)
{
    // Placeholders whose values legitimately contain '/' (file paths, refs, branches) keep it.
    private static readonly HashSet<string> _multiSegment = ["path", "ref", "branch"];

    public static GitHubRoute Create(string template, params object[] values)
    {
        var path = new StringBuilder();
        var names = new List<string>();
        var index = 0;
        var i = 0;
        while (i < template.Length)
        {
            if (template[i] != '{')
            {
                path.Append(template[i++]);
                continue;
            }

            var end = template.IndexOf('}', i);
            var name = template[(i + 1)..end];
            var value = Convert.ToString(values[index++], CultureInfo.InvariantCulture) ?? "";
            path.Append(_multiSegment.Contains(name) ? EscapeSegments(value) : Uri.EscapeDataString(value));
            names.Add(name);
            i = end + 1;
        }

        if (index != values.Length)
        {
            throw new ArgumentException($"Template {template} takes {index} values, got {values.Length}.", nameof(values));
        }

        string? owner = null, repo = null;
        if (names.Count > 0 && names[0] is "owner" or "org")
        {
            owner = Convert.ToString(values[0], CultureInfo.InvariantCulture);
            repo = names.Count > 1 && names[1] == "repo" ? Convert.ToString(values[1], CultureInfo.InvariantCulture) : null;
        }

        return new GitHubRoute(template, path.ToString(), owner, repo);
    }

    /// <summary>Adds query parameters; null values are skipped.</summary>
    public GitHubRoute WithQuery(params (string Name, string? Value)[] parameters)
    {
        var builder = new StringBuilder(PathAndQuery);
        var separator = PathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return this with { PathAndQuery = builder.ToString() };
    }

    /// <summary>Names the installation owner for routes that carry none (search queries).</summary>
    public GitHubRoute ForOwner(string? owner, string? repo) => this with { Owner = owner, Repo = repo };

    private static string EscapeSegments(string value) =>
        string.Join('/', value.Split('/').Select(Uri.EscapeDataString));
}
