namespace Prow.Config.Watching;

/// <summary>A change could not be loaded; the previous snapshot stays current.</summary>
public sealed class ConfigReloadFailedEventArgs(ConfigLoadResult result) : EventArgs
{
    public ConfigLoadResult Result { get; } = result;
}
