using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to comments on issues and pull requests only (not review bodies or descriptions), as Prow's issue comment handlers do.</summary>
public interface IIssueCommentHandler
{
    Task HandleIssueCommentAsync(PluginContext context, IssueCommentEvent comment);
}
