using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.ConfigUpdater;

/// <summary>
/// When a pull request that changes configuration merges into the default branch of a repository this plugin is
/// enabled for, the running silo takes the new configuration: the changed files (config_updater.maps: path or glob →
/// config map) are read from the merge commit, mapped to the files the silo was started with (see
/// <see cref="LocalConfigTargets"/>), tried on a copy, and written only if the whole configuration still loads. The
/// config watcher then reloads them. A broken configuration is refused and the running one stays; either way the pull
/// request gets a comment saying what happened.
/// </summary>
public sealed class ConfigUpdaterPlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "config-updater";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        if (pullRequest.Action != "closed" || !pr.Merged || pr.Base.Ref != pullRequest.Repository.DefaultBranch)
        {
            return;
        }

        var (org, repo) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name);
        List<ConfigFileChange> changes;
        try
        {
            changes = await ChangesAsync(context, org, repo, pr);
        }
        catch (ConfigFileUnreadableException ex)
        {
            await context.GitHub.CreateCommentAsync(org, repo, pr.Number, $"The configuration from this merge was not applied: {ex.Message} The previous configuration keeps running.", context.CancellationToken);
            return;
        }

        if (changes.Count == 0)
        {
            return;
        }

        string message;
        var errors = StagedConfig.Validate(context.Config.Paths, changes);
        if (errors.Count > 0)
        {
            message = Rejected(errors);
        }
        else
        {
            StagedConfig.Apply(changes);
            message = Updated(changes);
        }

        await context.GitHub.CreateCommentAsync(org, repo, pr.Number, message, context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PluginHelp(
            "Applies configuration changes when they merge.",
            "The config-updater plugin watches pull requests merged into the default branch of the configuration repository. Files that match config_updater.maps are read from the merge commit and written over the files this silo runs with, which then reload: "
            + "the 'config' map is the --config-path file, 'plugins' the --plugin-config file, and 'job-config' (or any name starting with it) a file named after the entry's key in the --job-config-path folder. "
            + "Other config maps are not applied here. The new configuration is checked first: if it does not load, nothing is written and the running configuration stays. The pull request gets a comment either way.",
            ["pull_request"],
            [])
        {
            Config = new Dictionary<string, string>
            {
                [""] = "Mapped files: " + string.Join(", ", context.Config.Plugins.ConfigUpdater.Maps.Select(m => $"{m.Key} → {m.Value.Name}").Order(StringComparer.Ordinal)) + ".",
            },
        };
    }

    private static async Task<List<ConfigFileChange>> ChangesAsync(PluginContext context, string org, string repo, PullRequest pr)
    {
        var ct = context.CancellationToken;
        var maps = context.Config.Plugins.ConfigUpdater.Maps;
        var mergeRef = pr.MergeCommitSha ?? pr.Base.Ref;
        var changes = new List<ConfigFileChange>();
        foreach (var file in await context.GitHub.ListPullRequestFilesAsync(org, repo, pr.Number, ct))
        {
            // A rename takes the old entry away and adds the new one.
            if (file.Status == "renamed" && file.PreviousFilename is { } previous && Map(maps, previous) is (string oldName, string oldKey))
            {
                changes.Add(new ConfigFileChange(previous, oldName, LocalConfigTargets.Resolve(oldName, oldKey, context.Config.Paths), null));
            }

            if (Map(maps, file.Filename) is not (string name, string key))
            {
                continue;
            }

            string? content = null;
            if (file.Status != "removed")
            {
                // A changed file that cannot be read must not pass for a deleted one.
                content = (await context.GitHub.GetFileContentAsync(org, repo, file.Filename, mergeRef, ct))?.Text
                    ?? throw new ConfigFileUnreadableException(file.Filename, mergeRef);
            }

            changes.Add(new ConfigFileChange(file.Filename, name, LocalConfigTargets.Resolve(name, key, context.Config.Paths), content));
        }

        return changes;
    }

    /// <summary>The config map and key a repository path goes to, if a map entry matches it.</summary>
    private static (string Name, string Key)? Map(IReadOnlyDictionary<string, Prow.Config.Plugins.ConfigMapSpec> maps, string path) =>
        maps.Where(m => PathGlob.Matches(m.Key, path)).Select(m => ((string, string)?)(m.Value.Name, m.Value.Key ?? Path.GetFileName(path))).FirstOrDefault();

    private static string Updated(IReadOnlyList<ConfigFileChange> changes)
    {
        var applied = changes.Where(c => c.LocalPath is not null)
            .Select(c => c.Content is null ? $"* deleted `{c.LocalPath}` (`{c.RepoPath}` was removed from the `{c.ConfigMap}` config map)" : $"* `{c.RepoPath}` → `{c.ConfigMap}` config map, written to `{c.LocalPath}`");
        var skipped = changes.Where(c => c.LocalPath is null).Select(c => $"* `{c.RepoPath}` → `{c.ConfigMap}` config map: this silo has no file for it");
        var text = "Updated the running configuration from this merge:\n" + string.Join('\n', applied);
        return skipped.Any() ? text + "\n\nNot applied:\n" + string.Join('\n', skipped) : text;
    }

    private static string Rejected(IReadOnlyList<ConfigProblem> errors) =>
        "The configuration from this merge was not applied because it does not load; the previous configuration keeps running.\n\n```\n"
        + string.Join('\n', errors.Select(e => $"{Path.GetFileName(e.File)}:{e.Line}: {e.Field}: {e.Message}")) + "\n```";
}
