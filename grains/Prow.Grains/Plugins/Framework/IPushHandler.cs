using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to pushes to a repository's branches and tags.</summary>
public interface IPushHandler
{
    Task HandlePushAsync(PluginContext context, PushEvent push);
}
