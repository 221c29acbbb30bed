namespace Prow.Config.Watching;

/// <summary>A new snapshot replaced the previous one.</summary>
public sealed class ConfigChangedEventArgs(ConfigSnapshot? previous, ConfigSnapshot current) : EventArgs
{
    public ConfigSnapshot? Previous { get; } = previous;

    public ConfigSnapshot Current { get; } = current;
}
