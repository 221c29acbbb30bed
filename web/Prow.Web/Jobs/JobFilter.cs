using System.Globalization;
using Prow.Services.JobIndex;

namespace Prow.Web.Jobs;

/// <summary>The jobs page's filters as they appear in its URL, so a filtered view can be linked.</summary>
public sealed record JobFilter(string? Type, string? Repo, string? Author, string? Job, string? State, string? Pull)
{
    public const int PageSize = 50;

    public bool IsEmpty => Query(null).Equals(new ProwJobQuery { Limit = PageSize });

    public ProwJobQuery Query(ProwJobCursor? after) => new()
    {
        Type = Clean(Type),
        Repo = Clean(Repo),
        Author = Clean(Author),
        Job = Clean(Job),
        State = Clean(State),
        Pull = int.TryParse(Clean(Pull)?.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var pull) ? pull : null,
        After = after,
        Limit = PageSize,
    };

    /// <summary>The page's URL with these filters (empty ones left out) and an optional cursor.</summary>
    public string Url(ProwJobCursor? after = null)
    {
        var parts = new[] { ("type", Type), ("repo", Repo), ("author", Author), ("job", Job), ("state", State), ("pull", Pull), ("after", after?.ToString()) }
            .Where(p => Clean(p.Item2) is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}");
        var query = string.Join('&', parts);
        return query.Length == 0 ? "/" : $"/?{query}";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
