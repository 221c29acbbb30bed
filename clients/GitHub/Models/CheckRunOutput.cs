namespace Prow.Clients.GitHub;

/// <summary>A check run's output: title and summary (Markdown) are required whenever output is sent.</summary>
public sealed record CheckRunOutput
{
    public required string Title { get; set; }

    public required string Summary { get; set; }

    public string? Text { get; set; }

    /// <summary>At most 50 a request; GitHub appends them to those the run already has.</summary>
    public IReadOnlyList<CheckRunAnnotation>? Annotations { get; set; }
}
