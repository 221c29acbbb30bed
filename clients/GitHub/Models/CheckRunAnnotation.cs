namespace Prow.Clients.GitHub;

/// <summary>One line (or lines) of a file a check run points at.</summary>
public sealed record CheckRunAnnotation
{
    public required string Path { get; set; }

    public required int StartLine { get; set; }

    public required int EndLine { get; set; }

    /// <summary>notice, warning or failure.</summary>
    public required string AnnotationLevel { get; set; }

    public required string Message { get; set; }

    public string? Title { get; set; }

    public string? RawDetails { get; set; }
}
