using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to issue events (opened, reopened, labeled, ...), including those GitHub sends for pull requests' issue side.</summary>
public interface IIssueHandler
{
    Task HandleIssueAsync(PluginContext context, IssuesEvent issue);
}
