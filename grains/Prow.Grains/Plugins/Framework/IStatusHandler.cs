using Prow.Clients.GitHub.Events;

namespace Prow.Grains.Plugins.Framework;

/// <summary>Reacts to commit status changes.</summary>
public interface IStatusHandler
{
    Task HandleStatusAsync(PluginContext context, StatusEvent status);
}
