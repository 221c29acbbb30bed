using System.Text;
using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Size;

namespace Prow.Grains.Plugins.Golint;

/// <summary>
/// <c>/lint</c> on an open pull request: the golint binary found on prow's PATH runs over each Go file the pull request
/// changes (not vendor/, generated, removed or renamed files), and a review comments its new warnings on the added
/// lines, as Prow's golint plugin does. Without a golint on the PATH it says so instead.
/// </summary>
public sealed partial class GolintPlugin(GolintBinary golint) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "golint";

    /// <summary>Marks the bot's golint comments, so a later /lint does not repeat them.</summary>
    public const string CommentTag = "<!-- golint -->";

    /// <summary>At most this many warnings are commented on a pull request, counting those already there.</summary>
    public const int MaxComments = 20;

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/lint\s*$")]
    private static partial Regex Lint();

    /// <summary>What golint does here, said at every configuration load for each entry enabling it.</summary>
    public static string LoadNotice(string? binary) => binary is null
        ? "plugin golint runs a golint binary found on prow's PATH over a pull request's changed Go files on /lint, and there is no golint on the PATH: /lint answers that it cannot lint until one is installed"
        : $"plugin golint runs {binary} (found on prow's PATH) over a pull request's changed Go files on /lint and comments its warnings on the added lines";

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (!comment.IsPullRequest || comment.IssueState != "open" || comment.Action != GenericCommentEvent.Created || !Commands.Has(Lint(), comment.Body))
        {
            return;
        }

        var (gitHub, ct) = (context.GitHub, context.CancellationToken);
        var (org, repo, number) = (comment.Org, comment.Repo, comment.Number);
        if (golint.Find() is not { } binary)
        {
            await gitHub.CreateCommentAsync(org, repo, number, CommandResponse.To(comment,
                "/lint cannot run here: there is no golint on the PATH of this prow, so nothing was linted."), ct);
            return;
        }

        var pr = await gitHub.GetPullRequestAsync(org, repo, number, ct);
        var generated = await SizePlugin.LoadGeneratedFilesAsync(context, org, repo, pr.Head.Sha);
        var files = (await gitHub.ListPullRequestFilesAsync(org, repo, number, ct))
            .Where(f => !f.Filename.StartsWith("vendor/", StringComparison.Ordinal)
                && Path.GetExtension(f.Filename) == ".go"
                && !generated.Matches(f.Filename)
                && f.Status is not ("removed" or "renamed"))
            .ToList();
        if (files.Count == 0)
        {
            return;
        }

        var (problems, errors) = await LintAsync(context, binary, org, repo, pr.Head.Sha, files);
        var fresh = problems;
        if (problems.Count > 0)
        {
            var earlier = (await gitHub.ListReviewCommentsAsync(org, repo, number, ct))
                .Where(c => c.Position is not null && c.Body.Contains(CommentTag, StringComparison.Ordinal))
                .Select(c => (c.Path, c.Position!.Value))
                .ToHashSet();
            fresh = [.. problems.Where(p => !earlier.Contains((p.Path, p.Position)))];
        }

        var old = problems.Count - fresh.Count;
        var comments = fresh.Select(p => new DraftReviewComment(p.Path, p.Position, $"Golint: {p.Text}. {CommentTag}")).Take(Math.Max(0, MaxComments - old)).ToList();
        var s = problems.Count == 1 ? "" : "s";
        var summary = old != 0 ? $"{old} unresolved warning{s} and {fresh.Count} new warning{s}." : $"{problems.Count} warning{s}.";
        var body = new StringBuilder(CommandResponse.To(comment, summary));
        foreach (var error in errors)
        {
            body.Append("\n\n").Append(error);
        }

        await gitHub.CreateReviewAsync(org, repo, number, new DraftReview(pr.Head.Sha, body.ToString(), "COMMENT", comments), ct);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var binary = golint.Find();
        return new PluginHelp(
            "Runs golint on /lint.",
            "The golint plugin runs a golint binary found on prow's PATH over the Go files a pull request changes (leaving out vendor/, generated, removed and renamed files) when someone comments /lint, and leaves a review with its new warnings on the added lines, at most 20. "
                + (binary is null ? "No golint is on the PATH of this prow now, so /lint answers that it cannot lint." : $"It runs {binary}."),
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/lint", "Runs golint on the Go files the pull request changes.", ["/lint"], "Anyone, on an open pull request.")])
        {
            Config = new Dictionary<string, string>
            {
                [""] = $"Problems golint is at least {context.Config.Plugins.Golint.Confidence:0.##} confident about are reported.",
            },
        };
    }

    /// <summary>Lints each file at the head in a scratch folder; problems on added lines by diff position, and what could not be linted.</summary>
    private static async Task<(List<(string Path, int Position, string Text)> Problems, List<string> Errors)> LintAsync(
        PluginContext context, string binary, string org, string repo, string headSha, IReadOnlyList<PullRequestFile> files)
    {
        var problems = new List<(string Path, int Position, string Text)>();
        var errors = new List<string>();
        var workspace = Directory.CreateTempSubdirectory("prow-golint-");
        try
        {
            foreach (var file in files.OrderBy(f => f.Filename, StringComparer.Ordinal))
            {
                IReadOnlyDictionary<int, int> added;
                try
                {
                    added = PatchPositions.AddedLines(file.Patch);
                }
                catch (FormatException ex)
                {
                    errors.Add($"computing added lines in {file.Filename}: {ex.Message}");
                    continue;
                }

                var content = await context.GitHub.GetFileContentAsync(org, repo, file.Filename, headSha, context.CancellationToken);
                if (content is null)
                {
                    errors.Add($"{file.Filename}: not found at {headSha}");
                    continue;
                }

                var local = Path.GetFullPath(Path.Combine(workspace.FullName, file.Filename));
                if (!local.StartsWith(workspace.FullName + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    errors.Add($"{file.Filename}: not a path inside the repository");
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await File.WriteAllTextAsync(local, content.Text, context.CancellationToken);
                var run = await GolintRun.LintAsync(binary, workspace.FullName, file.Filename, context.Config.Plugins.Golint.Confidence, context.CancellationToken);
                if (run.Error is { } error)
                {
                    errors.Add(error);
                }

                problems.AddRange(run.Problems
                    .Where(p => added.ContainsKey(p.Line))
                    .Select(p => (file.Filename, added[p.Line], p.Text))
                    .DistinctBy(p => p.Item2));
            }
        }
        finally
        {
            workspace.Delete(recursive: true);
        }

        return (problems, errors);
    }
}
