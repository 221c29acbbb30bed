using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prow.Grains.OwnersFiles;
using Prow.Grains.Plugins.Approve;
using Prow.Grains.Plugins.Assign;
using Prow.Grains.Plugins.Blockade;
using Prow.Grains.Plugins.Blunderbuss;
using Prow.Grains.Plugins.BranchCleaner;
using Prow.Grains.Plugins.Cat;
using Prow.Grains.Plugins.CherryPickApproved;
using Prow.Grains.Plugins.CherryPickUnapproved;
using Prow.Grains.Plugins.Cla;
using Prow.Grains.Plugins.ConfigUpdater;
using Prow.Grains.Plugins.Dco;
using Prow.Grains.Plugins.Dog;
using Prow.Grains.Plugins.Golint;
using Prow.Grains.Plugins.Goose;
using Prow.Grains.Plugins.Heart;
using Prow.Grains.Plugins.Help;
using Prow.Grains.Plugins.Hold;
using Prow.Grains.Plugins.InvalidCommitMsg;
using Prow.Grains.Plugins.IssueManagement;
using Prow.Grains.Plugins.Label;
using Prow.Grains.Plugins.Lgtm;
using Prow.Grains.Plugins.Lifecycle;
using Prow.Grains.Plugins.MergeCommitBlocker;
using Prow.Grains.Plugins.MergeMethodComment;
using Prow.Grains.Plugins.Milestone;
using Prow.Grains.Plugins.MilestoneApplier;
using Prow.Grains.Plugins.MilestoneStatus;
using Prow.Grains.Plugins.NeedsRebase;
using Prow.Grains.Plugins.Override;
using Prow.Grains.Plugins.OwnersLabel;
using Prow.Grains.Plugins.Pony;
using Prow.Grains.Plugins.Project;
using Prow.Grains.Plugins.ReleaseNote;
using Prow.Grains.Plugins.RequireMatchingLabel;
using Prow.Grains.Plugins.Retitle;
using Prow.Grains.Plugins.Shrug;
using Prow.Grains.Plugins.SigMention;
using Prow.Grains.Plugins.Size;
using Prow.Grains.Plugins.Skip;
using Prow.Grains.Plugins.SlackEvents;
using Prow.Grains.Plugins.Stage;
using Prow.Grains.Plugins.TestFreeze;
using Prow.Grains.Plugins.TrickOrTreat;
using Prow.Grains.Plugins.Trigger;
using Prow.Grains.Plugins.VerifyOwners;
using Prow.Grains.Plugins.Welcome;
using Prow.Grains.Plugins.Wip;
using Prow.Grains.Plugins.Yuks;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Every plugin this build carries, listed here and nowhere else (the twin of Prow's plugin-imports).</summary>
public static class PluginRegistration
{
    /// <summary>The names <see cref="AddPlugins"/> registers; configuration loads warn about Prow plugins missing here.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "trigger", "help", "cat", "hold", "wip", "label", "size", "lifecycle", "retitle", "override", "skip", "needs-rebase",
        "config-updater", "slackevents", "lgtm", "approve", "assign", "blunderbuss", "release-note",
        "owners-label", "cherry-pick-approved", "cherry-pick-unapproved", "verify-owners",
        "dco", "invalidcommitmsg", "cla", "mergecommitblocker", "blockade", "require-matching-label",
        "shrug", "yuks", "dog", "pony", "trick-or-treat", "goose", "heart", "golint", "project", "welcome",
        "milestone", "milestonestatus", "milestoneapplier", "branchcleaner", "stage",
        "issue-management", "transfer-issue", "sigmention", "merge-method-comment", "testfreeze",
    };

    public static IServiceCollection AddPlugins(this IServiceCollection services, Uri? catApiEndpoint = null)
    {
        services.AddSingleton<IPlugin, TriggerPlugin>();
        services.AddSingleton<IPlugin, HelpPlugin>();
        services.AddSingleton<BuiltInCatImages>();
        services.AddSingleton<IPlugin>(sp =>
        {
            var builtIn = sp.GetRequiredService<BuiltInCatImages>();
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            return new CatPlugin(config => config.Plugins.Cat.KeyPath is { Length: > 0 } keyPath
                ? new TheCatApiImages(http, catApiEndpoint ?? TheCatApiImages.DefaultEndpoint, keyPath, builtIn)
                : builtIn);
        });
        services.AddSingleton<IPlugin, HoldPlugin>();
        services.AddSingleton<IPlugin, WipPlugin>();
        services.AddSingleton<IPlugin, LabelPlugin>();
        services.AddSingleton<IPlugin, SizePlugin>();
        services.AddSingleton<IPlugin, LifecyclePlugin>();
        services.AddSingleton<IPlugin, RetitlePlugin>();
        services.AddSingleton<IPlugin, OverridePlugin>();
        services.AddSingleton<IPlugin, SkipPlugin>();
        services.AddSingleton<IPlugin, NeedsRebasePlugin>();
        services.AddSingleton<IPlugin, ConfigUpdaterPlugin>();
        services.AddSingleton<IPlugin>(_ => new SlackEventsPlugin(new SlackWebhook(new HttpClient { Timeout = TimeSpan.FromSeconds(10) })));
        services.AddSingleton<RepoOwnersLoader>();
        services.AddSingleton<IPlugin, LgtmPlugin>();
        services.AddSingleton<IPlugin, ApprovePlugin>();
        services.AddSingleton<IPlugin, AssignPlugin>();
        services.AddSingleton<IPlugin, BlunderbussPlugin>();
        services.AddSingleton<IPlugin, ReleaseNotePlugin>();
        services.AddSingleton<IPlugin, OwnersLabelPlugin>();
        services.AddSingleton<IPlugin, CherryPickApprovedPlugin>();
        services.AddSingleton<IPlugin, CherryPickUnapprovedPlugin>();
        services.AddSingleton<IPlugin, DcoPlugin>();
        services.AddSingleton<IPlugin, InvalidCommitMsgPlugin>();
        services.AddSingleton<IPlugin, ClaPlugin>();
        services.AddSingleton<IPlugin, MergeCommitBlockerPlugin>();
        services.AddSingleton<IPlugin, BlockadePlugin>();
        services.AddSingleton<IPlugin, RequireMatchingLabelPlugin>();
        services.AddSingleton<IPlugin, VerifyOwnersPlugin>();
        services.AddSingleton<IPlugin, ShrugPlugin>();
        services.AddSingleton<IPlugin>(_ => new YuksPlugin(new DadJokeApi(FunApiHttp(), DadJokeApi.DefaultEndpoint, new BuiltInJokes())));
        services.AddSingleton<IPlugin>(_ => new DogPlugin(new RandomDogApi(FunApiHttp(), RandomDogApi.DefaultEndpoint, new BuiltInDogImages())));
        services.AddSingleton<IPlugin>(_ => new PonyPlugin(new PonyApi(FunApiHttp(), PonyApi.DefaultEndpoint, new BuiltInPonies())));
        services.AddSingleton<IPlugin>(_ => new TrickOrTreatPlugin());
        services.AddSingleton<IPlugin, MilestonePlugin>();
        services.AddSingleton<IPlugin, MilestoneStatusPlugin>();
        services.AddSingleton<IPlugin, MilestoneApplierPlugin>();
        services.AddSingleton<IPlugin, BranchCleanerPlugin>();
        services.AddSingleton<IPlugin, StagePlugin>();
        services.AddSingleton<IPlugin>(sp => new IssueManagementPlugin(sp.GetRequiredService<RepoOwnersLoader>()));
        services.AddSingleton<IPlugin>(sp => new IssueManagementPlugin(sp.GetRequiredService<RepoOwnersLoader>(), transferOnly: true));
        services.AddSingleton<IPlugin, SigMentionPlugin>();
        services.AddSingleton<IPlugin, MergeMethodCommentPlugin>();
        services.AddSingleton<IPlugin>(sp => new TestFreezePlugin(new FreezeChecker(sp.GetService<Services.JobIndex.IProwJobIndex>())));
        services.AddSingleton<IPlugin>(_ => new GoosePlugin(FunApiHttp(), UnsplashGeese.DefaultEndpoint, new BuiltInGeese()));
        services.AddSingleton<IPlugin, HeartPlugin>();
        services.AddSingleton<IPlugin>(_ => new GolintPlugin(GolintBinary.FromEnvironment));
        services.AddSingleton<IPlugin, ProjectPlugin>();
        services.AddSingleton<IPlugin, WelcomePlugin>();
        services.AddSingleton<PluginRegistry>();
        services.AddSingleton<IPluginHelpSource, PluginHelpSource>();
        services.TryAddSingleton<Services.Plugins.PluginFailureLog>();
        services.AddSingleton<PluginDispatcher>();
        return services;
    }

    /// <summary>What a plugin that differs from Prow's does here, for the configuration loads to say; null for the rest.</summary>
    public static string? LoadNotice(string name) => name switch
    {
        GolintPlugin.PluginName => GolintPlugin.LoadNotice(GolintBinary.FromEnvironment.Find()),
        ProjectPlugin.PluginName => ProjectPlugin.LoadNotice,
        _ => null,
    };

    /// <summary>The public APIs the fun plugins ask answer in a moment or not at all: a short timeout, then their built-in answers.</summary>
    private static HttpClient FunApiHttp() => new() { Timeout = TimeSpan.FromSeconds(5) };
}
