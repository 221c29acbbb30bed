using System.Text;

namespace Prow.Grains.PullRequests;

/// <summary>
/// The one comment crier keeps on a pull request listing its failed jobs: found again by a marker, rewritten as
/// results come in, gone when nothing is failing.
/// </summary>
public static class FailureComment
{
    public const string Marker = "<!-- prow-orleans test report -->";

    public static string Render(string author, IReadOnlyList<JobOutcome> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var text = new StringBuilder();
        text.Append('@').Append(author).Append(": The following tests **failed**. Say `/retest` to rerun all failed tests or `/retest-required` to rerun the required ones:\n\n");
        text.Append("Test name | Commit | Details | Required | Rerun command\n--- | --- | --- | --- | ---\n");
        foreach (var job in failed.OrderBy(f => f.Job, StringComparer.Ordinal))
        {
            var commit = job.Sha.Length > 7 ? job.Sha[..7] : job.Sha;
            text.Append(job.Job).Append(" | ").Append(commit).Append(" | ")
                .Append(job.Url is null ? "" : $"[link]({job.Url})").Append(" | ")
                .Append(job.Required ? "true" : "false").Append(" | ")
                .Append(job.RerunCommand is null ? "" : $"`{job.RerunCommand}`").Append('\n');
        }

        return text.Append('\n').Append(Marker).ToString();
    }
}
