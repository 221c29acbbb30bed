using Prow.Config;
using Prow.Config.Watching;
using Prow.Services.Configuration;

namespace Prow.Silo.Hosting;

/// <summary>The watcher's last good snapshot: a broken edit leaves the running system on the previous one.</summary>
internal sealed class WatchedConfigSource(ConfigWatcher watcher) : IConfigSource, IDisposable
{
    public ConfigSnapshot Current => watcher.Current ?? StaticConfigSource.EmptySnapshot;

    public void Dispose() => watcher.Dispose();
}
