using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to a review's state (approved, changes requested, dismissed), not only to the text in it.</summary>
public interface IPullRequestReviewHandler
{
    Task HandlePullRequestReviewAsync(PluginContext context, PullRequestReviewEvent review);
}
