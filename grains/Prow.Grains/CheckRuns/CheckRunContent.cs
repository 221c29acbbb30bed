using System.Globalization;
using System.Text;
using Prow.Clients.GitHub;

namespace Prow.Grains.CheckRuns;

/// <summary>What a job's check run says: its status and conclusion, the summary (state, duration, link to the job) and the failed tests as annotations.</summary>
public static class CheckRunContent
{
    /// <summary>GitHub takes at most this many annotations in one create or update.</summary>
    public const int AnnotationsPerRequest = 50;

    /// <summary>GitHub's limit on an annotation's message and raw details (64 KB); kept well under.</summary>
    private const int MaxAnnotationText = 4000;

    public static string Status(ProwJob job) =>
        job.Status.Complete ? "completed" : job.Status.State == ProwJobState.Pending ? "in_progress" : "queued";

    /// <summary>Aborted shows as cancelled; error as failure, as its commit status does.</summary>
    public static string? Conclusion(ProwJob job) => job.Status.State switch
    {
        ProwJobState.Success => "success",
        ProwJobState.Failure or ProwJobState.Error => "failure",
        ProwJobState.Aborted => "cancelled",
        _ => null,
    };

    public static string Title(ProwJob job) => job.Status.Description is { Length: > 0 } description ? description : $"Job {job.Status.State}.";

    public static string Summary(ProwJob job, int failedTests, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var summary = new StringBuilder();
        summary.Append(CultureInfo.InvariantCulture, $"**{job.Spec.Job}** is **{job.Status.State}**");
        var end = job.Status.CompletionTime ?? now;
        summary.Append(CultureInfo.InvariantCulture, $" after {Duration(end - job.Status.StartTime)}.");
        if (job.Status.Url is { Length: > 0 } url)
        {
            summary.Append(CultureInfo.InvariantCulture, $" [View the job]({url}).");
        }

        if (failedTests > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $"\n\n{failedTests} failed {(failedTests == 1 ? "test" : "tests")} in the JUnit reports, annotated below.");
        }

        return summary.ToString();
    }

    /// <summary>A failed test where the report places it, else on line 1 of the report itself with the failure message.</summary>
    public static CheckRunAnnotation Annotation(JUnitFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var placed = failure is { File: { Length: > 0 }, Line: > 0 };
        return new CheckRunAnnotation
        {
            Path = placed ? failure.File!.TrimStart('/') : failure.Report,
            StartLine = placed ? failure.Line!.Value : 1,
            EndLine = placed ? failure.Line!.Value : 1,
            AnnotationLevel = "failure",
            Title = Cut(failure.Test, 255),
            Message = Cut(failure.Message, MaxAnnotationText),
            RawDetails = failure.Details is { } details ? Cut(details, MaxAnnotationText) : null,
        };
    }

    private static string Duration(TimeSpan duration) =>
        duration < TimeSpan.Zero ? "0s"
        : duration.TotalHours >= 1 ? $"{(int)duration.TotalHours}h{duration.Minutes}m{duration.Seconds}s"
        : duration.TotalMinutes >= 1 ? $"{duration.Minutes}m{duration.Seconds}s"
        : $"{duration.Seconds}s";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 3)] + "...";
}
