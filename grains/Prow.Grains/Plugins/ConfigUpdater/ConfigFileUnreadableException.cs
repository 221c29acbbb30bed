namespace Prow.Grains.Plugins.ConfigUpdater;

/// <summary>A config file the merge changed could not be read back from GitHub at the merge commit.</summary>
public sealed class ConfigFileUnreadableException(string path, string gitRef)
    : Exception($"`{path}` could not be read at {gitRef}.");
