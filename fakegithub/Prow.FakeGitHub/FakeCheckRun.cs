namespace Prow.FakeGitHub;

/// <summary>
/// A check run on a commit. Tests seed the first five fields; a run created through the API also has the rest, its
/// annotations gathered over every write as GitHub appends them.
/// </summary>
public sealed record FakeCheckRun(long Id, string Name, string Status, string? Conclusion, string? DetailsUrl = null)
{
    public string HeadSha { get; init; } = "";

    public string? ExternalId { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public string? Text { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public IReadOnlyList<FakeCheckRunAnnotation> Annotations { get; init; } = [];
}
