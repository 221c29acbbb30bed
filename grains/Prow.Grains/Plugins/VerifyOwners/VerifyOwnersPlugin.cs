using System.Text.RegularExpressions;
using Prow.Clients.GitHub;
using Prow.Clients.GitHub.Events;
using Prow.Config;
using Prow.Config.Owners;
using Prow.Config.Plugins;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Plugins.VerifyOwners;

/// <summary>
/// Checks the OWNERS and OWNERS_ALIASES files a pull request changes, as they are at its head: each must parse, carry
/// none of <c>owners.labels_denylist</c>, the root OWNERS must name approvers, and everyone newly added must be a
/// trusted user (trigger's rules; skipped for repositories in <c>owners.skip_collaborators</c>). A problem puts on
/// <c>do-not-merge/invalid-owners-file</c> (tide's queries exclude it) with a review comment on the file or a comment
/// naming the untrusted users; a clean check, on a push or <c>/verify-owners</c>, takes the label off again.
/// </summary>
public sealed partial class VerifyOwnersPlugin : IPlugin, IPullRequestHandler, IGenericCommentHandler
{
    public const string PluginName = "verify-owners";
    public const string InvalidOwnersLabel = "do-not-merge/invalid-owners-file";

    /// <summary>Trust checks per event, as in Prow, so a large OWNERS reshuffle cannot spend the token budget.</summary>
    private const int MaxTrustChecks = 50;

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/verify-owners\s*$")]
    private static partial Regex VerifyOwnersCommand();

    /// <summary>The head of Prow's comment naming untrusted users (kept word for word: old ones are found and pruned by it).</summary>
    public static string UntrustedHeader(string org, string joinOrgUrl) =>
        $"The OWNERS file contains untrusted users, which makes it INVALID. The following users are mentioned in OWNERS file(s) but are untrusted for the following reasons. One way to make the user trusted is to add them as [members]({joinOrgUrl}) of the {org} org. You can then trigger verification by writing `/verify-owners` in a comment.";

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        if (pullRequest.Action is "opened" or "reopened" or "synchronize")
        {
            await VerifyAsync(context, pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pullRequest.PullRequest);
        }
    }

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.IssueState != "open" || !comment.IsPullRequest || comment.Action != GenericCommentEvent.Created || !VerifyOwnersCommand().IsMatch(comment.Body))
        {
            return;
        }

        var pr = await context.GitHub.GetPullRequestAsync(comment.Org, comment.Repo, comment.Number, context.CancellationToken);
        await VerifyAsync(context, comment.Org, comment.Repo, pr);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var owners = context.Config.Plugins.Owners;
        var denied = owners.LabelsDenylist;
        string Describe(OwnersFilenames names) =>
            $"{names.Owners} and {names.OwnersAliases} files are validated." + (denied.Count > 0 ? $" {names.Owners} files may not list these labels: {string.Join(", ", denied)}." : "");
        var config = new Dictionary<string, string>(StringComparer.Ordinal) { ["default"] = Describe(OwnersFilenames.Default) };
        foreach (var repo in context.EnabledRepos)
        {
            var parts = repo.Split('/', 2);
            if (owners.FilenamesFor(parts[0], parts.Length > 1 ? parts[1] : "") is var names && names != OwnersFilenames.Default)
            {
                config[repo] = Describe(names);
            }
        }

        return new(
            $"Checks the OWNERS files a pull request changes and holds it with {InvalidOwnersLabel} while one is wrong.",
            $"The verify-owners plugin reads every OWNERS file and the OWNERS_ALIASES file a pull request changes (by default; owners.filenames names them per repository), as they are at its head, except OWNERS in directories owners_dir_denylist rules out. A file that does not parse, that lists a label from owners.labels_denylist, or a root OWNERS without approvers gets a review comment on the file; people newly added who are neither org members nor collaborators (trigger's trust rules, not checked for repositories in owners.skip_collaborators) are named in a comment. Either puts on {InvalidOwnersLabel}, which keeps tide from merging; a later push or /verify-owners that finds nothing wrong takes it off.",
            ["pull_request", "issue_comment"],
            [new("/verify-owners", $"Checks the pull request's OWNERS files again and takes {InvalidOwnersLabel} off when they are valid now.", ["/verify-owners"], "Anyone")])
        {
            Config = config,
        };
    }

    private static async Task VerifyAsync(PluginContext context, string org, string repo, PullRequest pr)
    {
        var ct = context.CancellationToken;
        var layout = OwnersLayout.For(context.Config, org, repo);
        var (ownersFile, aliasesFile) = (layout.Filenames.Owners, layout.Filenames.OwnersAliases);
        var changes = await context.GitHub.ListPullRequestFilesAsync(org, repo, pr.Number, ct);
        var ownersChanged = changes.Where(c => layout.IsOwnersFile(c.Filename) && c.Status != "removed").ToList();
        var aliasesChange = changes.FirstOrDefault(c => c.Filename == aliasesFile);
        var labels = await IssueLabels.CurrentAsync(context, org, repo, pr.Number);
        var invalid = IssueLabels.Has(labels, InvalidOwnersLabel);
        if (ownersChanged.Count == 0 && aliasesChange is null && !invalid)
        {
            return;
        }

        var plugins = context.Config.Plugins;
        var trigger = plugins.TriggerFor(org, repo);
        var skipTrust = plugins.Owners.SkipCollaborators.Contains($"{org}/{repo}", StringComparer.Ordinal);
        var trust = new TrustLedger(context, trigger, org, repo);

        var aliasesText = (await context.GitHub.GetFileContentAsync(org, repo, aliasesFile, pr.Head.Sha, ct))?.Text;
        var aliases = OwnersAliases.Empty;
        if (aliasesText is not null)
        {
            var sink = new ProblemSink(strict: false);
            aliases = OwnersParser.ParseAliases(aliasesFile, aliasesText, sink);
            if (sink.HasErrors)
            {
                await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, InvalidOwnersLabel, wanted: true);
                await context.GitHub.CreateCommentAsync(org, repo, pr.Number, $"The content of {aliasesFile} is invalid.", ct);
                return;
            }

            if (aliases.Names.Any(name => !aliases.Expand(name).Any()))
            {
                await context.GitHub.CreateCommentAsync(org, repo, pr.Number, "There are empty aliases in OWNER_ALIASES, cleanup is advised.", ct);
            }

            if (aliasesChange is not null && !skipTrust)
            {
                foreach (var member in aliases.ExpandAll(aliases.Names))
                {
                    await trust.CheckAddedAsync(member, aliasesChange.Patch, aliasesFile);
                }
            }
        }

        var wrong = new SortedDictionary<string, (int Position, string Message)>(StringComparer.Ordinal);
        foreach (var change in ownersChanged)
        {
            var text = (await context.GitHub.GetFileContentAsync(org, repo, change.Filename, pr.Head.Sha, ct))?.Text ?? "";
            var (problem, people) = OwnersCheck.Check(change.Filename, text, change.Patch, plugins.Owners.LabelsDenylist);
            if (problem is { } found)
            {
                wrong[change.Filename] = found;
                continue;
            }

            if (!skipTrust)
            {
                foreach (var person in people.Where(p => !aliases.Names.Contains(p, StringComparer.OrdinalIgnoreCase)))
                {
                    await trust.CheckAddedAsync(person, change.Patch, change.Filename);
                }
            }
        }

        var joinOrgUrl = trigger.JoinOrgUrl is { Length: > 0 } url ? url : $"https://github.com/orgs/{org}/people";
        var header = UntrustedHeader(org, joinOrgUrl);
        if (wrong.Count > 0)
        {
            await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, InvalidOwnersLabel, wanted: true);
            var summary = $"{wrong.Count} invalid {ownersFile} file{(wrong.Count == 1 ? "" : "s")}";
            var review = new DraftReview(
                pr.Head.Sha,
                $"@{pr.User.Login}: {summary}",
                "COMMENT",
                [.. wrong.Select(w => new DraftReviewComment(w.Key, w.Value.Position, w.Value.Message))]);
            await context.GitHub.CreateReviewAsync(org, repo, pr.Number, review, ct);
        }

        if (trust.Untrusted.Count > 0)
        {
            await IssueLabels.EnsureAsync(context, org, repo, pr.Number, labels, InvalidOwnersLabel, wanted: true);
            await BotComments.PruneAsync(context, org, repo, pr.Number, body => body.Contains(header, StringComparison.Ordinal));
            await context.GitHub.CreateCommentAsync(org, repo, pr.Number, trust.Describe(header), ct);
        }

        if (wrong.Count == 0 && trust.Untrusted.Count == 0)
        {
            await context.GitHub.RemoveLabelAsync(org, repo, pr.Number, InvalidOwnersLabel, ct);
            await BotComments.PruneAsync(context, org, repo, pr.Number, body => body.Contains(header, StringComparison.Ordinal));
        }
    }

    /// <summary>Who was checked, who is not trusted and why, and in which files they were added.</summary>
    private sealed class TrustLedger(PluginContext context, TriggerConfig trigger, string org, string repo)
    {
        private readonly HashSet<string> _trusted = new(StringComparer.OrdinalIgnoreCase);

        public SortedDictionary<string, (string Reason, List<string> Files)> Untrusted { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Checks <paramref name="login"/> only when the patch adds it ("+ - login"), as Prow does.</summary>
        public async Task CheckAddedAsync(string login, string? patch, string file)
        {
            if (Untrusted.Count + _trusted.Count > MaxTrustChecks
                || !Regex.IsMatch(patch ?? "", $@"\+\s*-\s*\b{Regex.Escape(login)}\b", RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                return;
            }

            if (Untrusted.TryGetValue(login, out var known))
            {
                if (!known.Files.Contains(file, StringComparer.Ordinal))
                {
                    known.Files.Add(file);
                }

                return;
            }

            if (_trusted.Contains(login))
            {
                return;
            }

            var (trusted, reason) = await TrustChecker.CheckAsync(context, trigger, org, repo, login);
            if (trusted)
            {
                _trusted.Add(login);
            }
            else
            {
                Untrusted[login] = (reason, [file]);
            }
        }

        public string Describe(string header) =>
            string.Join('\n', new[] { header }.Concat(Untrusted.SelectMany(u => new[] { $"- {u.Key}", $"  - {u.Value.Reason}" }.Concat(u.Value.Files.Select(f => $"  - {f}")))));
    }
}
