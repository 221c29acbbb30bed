namespace Prow.Config.Jobs;

/// <summary>Where a job (or other entry) was written, with the line of each field that was set.</summary>
public sealed record SourceLocation(string File, int Line, IReadOnlyDictionary<string, int> FieldLines)
{
    public static readonly SourceLocation None = new("", 0, new Dictionary<string, int>());

    public int LineOf(string field) => FieldLines.TryGetValue(field, out var l) ? l : Line;
}
