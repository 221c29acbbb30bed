namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// A plugin: a name that plugins.yaml enables per org or repo, its help, and the handlers it implements
/// (<see cref="IGenericCommentHandler"/>, <see cref="IPullRequestHandler"/>, <see cref="IPullRequestReviewHandler"/>).
/// </summary>
public interface IPlugin
{
    string Name { get; }

    PluginHelp Help(PluginHelpContext context);
}
