using Prow.Clients.GitHub;
using Prow.GoTemplates;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.Reporting;

/// <summary>
/// Crier's test report comment on a pull request, as Prow's <c>pkg/github/report</c> keeps it: the bot's comments
/// carrying <see cref="Tag"/> hold a table of failed jobs, one row per context. Each report reads the rows back from
/// those comments, replaces the rows of the contexts it reports, and adds a row for each job that failed; a new
/// failure (or no row left) deletes the comment and posts a new one, since GitHub notifies nobody of an edit.
/// </summary>
public static class TestReportComment
{
    /// <summary>Prow's marker: comments Prow left are found and taken over, and Prow can take ours over.</summary>
    public const string Tag = "<!-- test report -->";

    public const string AboutThisBot =
        "Instructions for interacting with me using PR comments are available [here](https://git.k8s.io/community/contributors/guide/pull-requests.md).  " +
        "If you have questions or suggestions related to my behavior, please file an issue against the " +
        "[kubernetes-sigs/prow](https://github.com/kubernetes-sigs/prow/issues/new?title=Prow%20issue:) repository. " +
        "I understand the commands that are listed [here](https://go.k8s.io/bot-commands).";

    private const string Separator = " | ";

    /// <param name="Deletes">The bot's report comments to delete, oldest first.</param>
    /// <param name="Entries">The table rows the pull request's report should hold now.</param>
    /// <param name="UpdateId">The comment to edit into the new report; null to post a new one.</param>
    public sealed record Plan(IReadOnlyList<long> Deletes, IReadOnlyList<string> Entries, long? UpdateId);

    /// <summary>What to do with the pull request's comments after <paramref name="jobs"/> finished.</summary>
    public static Plan PlanFor(IReadOnlyList<ProwJob> jobs, Func<string, bool> isBot, IReadOnlyList<IssueComment> comments)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(isBot);
        ArgumentNullException.ThrowIfNull(comments);
        var previous = new List<long>();
        long? latest = null;
        var entries = new List<string>();
        foreach (var comment in comments.Where(c => isBot(c.User.Login) && c.Body.Contains(Tag, StringComparison.Ordinal)))
        {
            if (latest is { } older)
            {
                previous.Add(older);
            }

            latest = comment.Id;
            entries.AddRange(TableRows(comment.Body));
        }

        var reported = jobs.Select(j => j.Spec.Context ?? "").ToHashSet(StringComparer.Ordinal);
        var kept = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var context = ContextOf(entries[i]);
            var newerRowFollows = entries.Skip(i + 1).Any(e => ContextOf(e) == context);
            if (!newerRowFollows && !reported.Contains(context))
            {
                kept.Add(entries[i]);
            }
        }

        var newFailure = false;
        foreach (var job in jobs.Where(j => j.Status.State == ProwJobState.Failure))
        {
            kept.Add(Entry(job));
            newFailure = true;
        }

        var deletes = new List<long>(previous);
        if ((newFailure || kept.Count == 0) && latest is { } replaced)
        {
            deletes.Add(replaced);
            latest = null;
        }

        return new Plan(deletes, kept, latest);
    }

    /// <summary>A failed job's row: context, head commit, link, required (from the is-optional label, presubmits only), rerun command.</summary>
    public static string Entry(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var required = "unknown";
        if (job.Spec.Type == ProwJobType.Presubmit
            && job.Metadata.Labels.TryGetValue(ProwJobLabels.IsOptional, out var optional)
            && GoBool(optional) is { } isOptional)
        {
            required = isOptional ? "false" : "true";
        }

        return string.Join(Separator, job.Spec.Context ?? "", job.Spec.Refs!.Pulls[0].Sha, $"[link]({job.Status.Url})", required, $"`{job.Spec.RerunCommand}`");
    }

    /// <summary>
    /// The comment for <paramref name="jobs"/> (all of one pull request) with <paramref name="entries"/> as its table,
    /// or Prow's "all tests passed" when there is none; <paramref name="template"/> (plank's report template) is
    /// rendered for the first job. Throws <see cref="GoTemplateException"/> when the template does not render.
    /// </summary>
    public static string Render(GoTemplate? template, IReadOnlyList<ProwJob> jobs, IReadOnlyList<string> entries)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(entries);
        var first = jobs[0];
        var extra = template?.Execute(ProwJobTemplateData.For(first));
        var author = first.Spec.Refs!.Pulls[0].Author;
        var lines = new List<string>();
        if (entries.Count == 0)
        {
            lines.AddRange([$"@{author}: all tests **passed!**", ""]);
        }
        else
        {
            var plural = entries.Count > 1 ? "s" : "";
            lines.AddRange([
                $"@{author}: The following test{plural} **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:",
                "",
                "Test name | Commit | Details | Required | Rerun command",
                "--- | --- | --- | --- | ---",
            ]);
        }

        lines.AddRange(entries);
        if (extra is not null)
        {
            lines.AddRange(["", extra]);
        }

        lines.AddRange(["", "<details>", "", AboutThisBot, "</details>", Tag]);
        return string.Join('\n', lines);
    }

    /// <summary>The rows of a report comment's table: the lines after the <c>---</c> header line, up to a blank line.</summary>
    private static IEnumerable<string> TableRows(string body)
    {
        var tracking = false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                tracking = true;
            }
            else if (line.Length == 0)
            {
                tracking = false;
            }
            else if (tracking)
            {
                yield return line;
            }
        }
    }

    private static string ContextOf(string entry) => entry.Split(Separator)[0];

    /// <summary>Go's strconv.ParseBool.</summary>
    private static bool? GoBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };
}
