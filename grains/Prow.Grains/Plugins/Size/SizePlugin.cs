using Prow.Clients.GitHub.Events;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Size;

/// <summary>
/// Labels a pull request <c>size/XS</c> … <c>size/XXL</c> by its changed lines (additions + deletions), leaving out the
/// files the base branch's <c>.generated_files</c> or <c>.gitattributes</c> (linguist-generated) marks as generated;
/// thresholds come from plugins.yaml's size section.
/// </summary>
public sealed class SizePlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "size";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is not ("opened" or "reopened" or "synchronize" or "edited"))
        {
            return;
        }

        var (org, repo, pr) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest);
        var ct = context.CancellationToken;
        var generated = await LoadGeneratedFilesAsync(context, org, repo, pr.Base.Sha);
        var attributes = await context.GitHub.GetFileContentAsync(org, repo, GitAttributes.FileName, pr.Base.Sha, ct) is { } file ? GitAttributes.Parse(file.Text) : GitAttributes.None;
        var files = await context.GitHub.ListPullRequestFilesAsync(org, repo, pr.Number, ct);
        var changed = files.Where(f => !generated.Matches(f.Filename) && !attributes.IsGenerated(f.Filename)).Sum(f => f.Additions + f.Deletions);
        var wanted = SizeBuckets.LabelFor(changed, context.Config.Plugins.Size);

        var labels = await IssueLabels.CurrentAsync(context, org, repo, pr.Number);
        foreach (var stale in labels.Where(l => l.StartsWith(SizeBuckets.Prefix, StringComparison.OrdinalIgnoreCase) && !string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase)))
        {
            await context.GitHub.RemoveLabelAsync(org, repo, pr.Number, stale, ct);
        }

        await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, wanted, wanted: true);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = context.Config.Plugins.Size;
        return new PluginHelp(
            "Labels pull requests with their size.",
            $"The size plugin counts a pull request's added and deleted lines, leaving out files listed as generated in the repository's {GeneratedFiles.FileName} (file-name, file-prefix, path-prefix and paths-from-repo entries) or marked linguist-generated in its {GitAttributes.FileName}, and labels it with one of {string.Join(", ", SizeBuckets.All)}.",
            ["pull_request"],
            [])
        {
            Config = new Dictionary<string, string>
            {
                [""] = $"size/XS: under {s.S} lines; size/S: under {s.M}; size/M: under {s.L}; size/L: under {s.Xl}; size/XL: under {s.Xxl}; size/XXL: {s.Xxl} or more.",
            },
        };
    }

    /// <summary>The generated-file rules at the base commit; a malformed file counts every file (and is logged).</summary>
    internal static async Task<GeneratedFiles> LoadGeneratedFilesAsync(PluginContext context, string org, string repo, string baseSha)
    {
        var ct = context.CancellationToken;
        var ruleFile = await context.GitHub.GetFileContentAsync(org, repo, GeneratedFiles.FileName, baseSha, ct);
        if (ruleFile is null)
        {
            return GeneratedFiles.None;
        }

        GeneratedFiles rules;
        try
        {
            rules = GeneratedFiles.Parse(ruleFile.Text);
        }
        catch (FormatException ex)
        {
            SizeLog.MalformedGeneratedFiles(context.Logger, ex, $"{org}/{repo}");
            return GeneratedFiles.None;
        }

        foreach (var listingPath in rules.PathsFromRepo)
        {
            if (await context.GitHub.GetFileContentAsync(org, repo, listingPath, baseSha, ct) is { } listing)
            {
                rules = rules.WithPaths(listing.Text);
            }
        }

        return rules;
    }
}
