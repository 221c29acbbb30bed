using System.Globalization;

namespace Prow.Services.JobIndex;

/// <summary>A position in the newest-first order: creation time, then id (ids break ties).</summary>
public sealed record ProwJobCursor(long CreatedTicks, string Id)
{
    /// <summary>Oldest first: creation time, then id.</summary>
    public static IComparer<ProwJobCursor> Order { get; } = Comparer<ProwJobCursor>.Create((a, b) =>
        a.CreatedTicks != b.CreatedTicks ? a.CreatedTicks.CompareTo(b.CreatedTicks) : string.CompareOrdinal(a.Id, b.Id));

    public static ProwJobCursor Of(ProwJobSummary job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new ProwJobCursor(job.Created.UtcTicks, job.Id);
    }

    /// <summary>The cursor from its URL form <c>ticks-id</c>, or null when the text is not one.</summary>
    public static ProwJobCursor? Parse(string? text)
    {
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0 && long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && dash + 1 < text!.Length
            ? new ProwJobCursor(ticks, text[(dash + 1)..])
            : null;
    }

    public override string ToString() => $"{CreatedTicks.ToString(CultureInfo.InvariantCulture)}-{Id}";

}
