using System.Text;
using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Config.Plugins;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Blockade;

/// <summary>
/// Holds pull requests that change protected files with <c>do-not-merge/blocked-paths</c>. A file is blocked by a
/// blockade that applies to the repository (and base branch) when it matches one of its block regexps and none of its
/// exception regexps; the bot says which files and why.
/// </summary>
public sealed class BlockadePlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "blockade";
    public const string Label = "do-not-merge/blocked-paths";

    /// <summary>The first line of the bot's comment, Prow's wording, by which its earlier comments (Prow's too) are found and deleted.</summary>
    public const string Notice = $"Adding label: `{Label}` because PR changes a protected file.";

    public const string DefaultExplanation = "Files are protected";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize"))
        {
            return;
        }

        var (org, repo, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest.Number);
        var labelled = IssueLabels.Has(await IssueLabels.CurrentAsync(context, org, repo, number), Label);
        var blockades = Applicable(context.Config.Plugins.Blockades, org, repo, pullRequest.PullRequest.Base.Ref);
        if (blockades.Count == 0 && !labelled)
        {
            return;
        }

        var blocked = blockades.Count == 0 ? [] : Blocked(await context.GitHub.ListPullRequestFilesAsync(org, repo, number, context.CancellationToken), blockades);
        if (blocked.Count > 0 && !labelled)
        {
            await context.GitHub.AddLabelsAsync(org, repo, number, [Label], context.CancellationToken);
            await context.GitHub.CreateCommentAsync(org, repo, number, Comment(pullRequest.PullRequest.User.Login, blocked), context.CancellationToken);
        }
        else if (blocked.Count == 0 && labelled)
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, Label, context.CancellationToken);
            await BotComments.PruneAsync(context, org, repo, number, body => body.Contains(Notice, StringComparison.Ordinal));
        }
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in context.EnabledRepos)
        {
            var org = scope.Split('/')[0];
            var lines = context.Config.Plugins.Blockades
                .Where(b => b.Repos.Contains(org, StringComparer.Ordinal) || b.Repos.Contains(scope, StringComparer.Ordinal))
                .Select(b => $"<br>{(b.BranchRegexp is { } branch ? $"On branches matching '{branch}': " : "")}'{b.Explanation ?? DefaultExplanation}'. Blocked: {string.Join(", ", b.BlockRegexps)}{(b.ExceptionRegexps.Count > 0 ? $"; except: {string.Join(", ", b.ExceptionRegexps)}" : "")}");
            config[scope] = "Blockades here:" + string.Concat(lines);
        }

        return new PluginHelp(
            $"Holds pull requests that change protected files with {Label}.",
            $"The blockade plugin checks the files a pull request changes when it is opened, reopened or pushed to against the blockades in plugins.yaml. A blockade names repos (an org or org/repo), blockregexps and exceptionregexps for file paths, an explanation, and optionally a branchregexp limiting it to some base branches. A file matching a block regexp and no exception regexp puts on {Label}, which tide's queries exclude, and the bot lists the files under each explanation. When a push leaves no blocked file the label and the bot's comment go.",
            ["pull_request"],
            [])
        {
            Config = config,
        };
    }

    private static List<(string Explanation, Regex[] Block, Regex[] Except)> Applicable(IReadOnlyList<BlockadeConfig> blockades, string org, string repo, string branch)
    {
        var result = new List<(string, Regex[], Regex[])>();
        foreach (var b in blockades.Where(b => b.Repos.Contains(org, StringComparer.Ordinal) || b.Repos.Contains($"{org}/{repo}", StringComparer.Ordinal)))
        {
            if (b.BranchRegexp is { } branchPattern && (!GoRegex.TryCompile(branchPattern, out var branchRe, out _) || !branchRe!.IsMatch(branch)))
            {
                continue;
            }

            // A regexp that does not compile is left out, as Prow leaves it out (check-config warns about it).
            var block = Compiled(b.BlockRegexps);
            if (block.Length > 0)
            {
                result.Add((b.Explanation is { Length: > 0 } e ? e : DefaultExplanation, block, Compiled(b.ExceptionRegexps)));
            }
        }

        return result;
    }

    private static Regex[] Compiled(IReadOnlyList<string> patterns) =>
        [.. patterns.Select(p => GoRegex.TryCompile(p, out var re, out _) ? re : null).OfType<Regex>()];

    /// <summary>Explanation → the files it blocks, in the order of the blockades.</summary>
    private static List<(string Explanation, List<PullRequestFile> Files)> Blocked(IReadOnlyList<PullRequestFile> files, List<(string Explanation, Regex[] Block, Regex[] Except)> blockades)
    {
        var result = new List<(string Explanation, List<PullRequestFile> Files)>();
        foreach (var (explanation, block, except) in blockades)
        {
            var hit = files.Where(f => block.Any(r => r.IsMatch(f.Filename)) && !except.Any(r => r.IsMatch(f.Filename))).ToList();
            if (hit.Count == 0)
            {
                continue;
            }

            var same = result.FindIndex(r => r.Explanation == explanation);
            if (same >= 0)
            {
                result[same].Files.AddRange(hit);
            }
            else
            {
                result.Add((explanation, hit));
            }
        }

        return result;
    }

    private static string Comment(string author, List<(string Explanation, List<PullRequestFile> Files)> blocked)
    {
        var reasons = new StringBuilder("#### Reasons for blocking this PR:\n");
        foreach (var (explanation, files) in blocked)
        {
            reasons.Append('[').Append(explanation).Append("]\n");
            foreach (var file in files)
            {
                reasons.Append("- [").Append(file.Filename).Append("](").Append(file.BlobUrl).Append(")\n\n");
            }
        }

        return $"""
            @{author}: {Notice}

            <details>

            {reasons}

            This comment was written by the Prow bot. The commands it understands are listed on the command help page.
            </details>
            """;
    }
}
