using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub.Events;
using Prow.Config.Plugins;
using Prow.GoTemplates;
using Prow.Grains.Plugins.Framework;
using Prow.Grains.Plugins.Trigger;

namespace Prow.Grains.Plugins.Welcome;

/// <summary>
/// Greets the author of a newly opened pull request who has opened none before in the repository (found by search, as
/// Prow does) and is not trusted (an org member or collaborator), with the repository's <c>welcome.message_template</c>;
/// with <c>always_post</c>, everyone.
/// </summary>
public sealed partial class WelcomePlugin : IPlugin, IPullRequestHandler
{
    public const string PluginName = "welcome";

    /// <summary>Prow's message where no template is configured.</summary>
    public const string DefaultMessageTemplate = "Welcome @{{.AuthorLogin}}! It looks like this is your first PR to {{.Org}}/{{.Repo}} 🎉";

    public string Name => PluginName;

    public async Task HandlePullRequestAsync(PluginContext context, PullRequestEvent pullRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pullRequest);
        var pr = pullRequest.PullRequest;
        // Search cannot find a bot's pull requests, so bots are never greeted (as in Prow).
        if (pullRequest.Action != "opened" || pr.User.Type != "User")
        {
            return;
        }

        var (org, repo, author, number) = (pullRequest.Repository.Owner.Login, pullRequest.Repository.Name, pr.User.Login, pr.Number);
        var plugins = context.Config.Plugins;
        var options = plugins.WelcomeFor(org, repo) ?? new WelcomeConfig([], null, false);
        if (!options.AlwaysPost && await TrustChecker.IsTrustedUserAsync(context, plugins.TriggerFor(org, repo), org, repo, author))
        {
            return;
        }

        var earlier = await context.GitHub.SearchIssuesAsync($"is:pr repo:{org}/{repo} author:{author}", context.CancellationToken);
        if (!options.AlwaysPost && earlier.Any(i => i.Number != number))
        {
            LogNotFirst(context.Logger, org, repo, number, author, earlier.Count);
            return;
        }

        var message = GoTemplate.Parse("welcome", MessageTemplate(options)).Execute(WelcomeMessage.Escaped(org, repo, author, pr.User.Name ?? ""));
        await context.GitHub.CreateCommentAsync(org, repo, number, message, context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PluginHelp(
            "Welcomes first-time contributors.",
            "The welcome plugin greets the author of a newly opened pull request with a message when it is their first pull request to the repository and they are not a member of the org or a collaborator (or always, with always_post).",
            ["pull_request"],
            [])
        {
            Config = context.EnabledRepos.ToDictionary(r => r, r => Describe(context, r), StringComparer.Ordinal),
        };
    }

    private static string MessageTemplate(WelcomeConfig options) => options.MessageTemplate is { Length: > 0 } text ? text : DefaultMessageTemplate;

    private static string Describe(PluginHelpContext context, string scope)
    {
        var parts = scope.Split('/');
        var options = parts.Length > 1
            ? context.Config.Plugins.WelcomeFor(parts[0], parts[1])
            : context.Config.Plugins.Welcome.FirstOrDefault(w => w.Repos.Contains(scope, StringComparer.Ordinal));
        options ??= new WelcomeConfig([], null, false);
        return $"The welcome plugin posts this template{(options.AlwaysPost ? " on every new pull request" : "")}: {System.Net.WebUtility.HtmlEncode(MessageTemplate(options))}.";
    }

    [LoggerMessage(EventId = 3801, Level = LogLevel.Debug, Message = "welcome: {Org}/{Repo}#{Number} by {Author} is not a first pull request ({Count} found)")]
    private static partial void LogNotFirst(ILogger logger, string org, string repo, int number, string author, int count);
}
