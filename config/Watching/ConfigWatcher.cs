using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Prow.Config.Watching;

/// <summary>
/// Keeps a current <see cref="ConfigSnapshot"/> for config.yaml, the job folder and plugins.yaml.
/// File events (and a polling fallback) trigger a debounced reload; a good load replaces the
/// snapshot atomically, a broken one is logged problem by problem and the last good snapshot stays.
/// </summary>
public sealed partial class ConfigWatcher : IDisposable
{
    private readonly ConfigPaths _paths;
    private readonly ConfigWatcherOptions _options;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounce;
    private readonly Timer _poll;
    private readonly Lock _reloadGate = new();
    private ConfigSnapshot? _current;
    private string _stamps;
    private bool _disposed;

    public ConfigWatcher(ConfigPaths paths, ILogger<ConfigWatcher>? logger = null, ConfigWatcherOptions? options = null)
    {
        _paths = paths ?? throw new ArgumentNullException(nameof(paths));
        _options = options ?? new ConfigWatcherOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _stamps = FileStamps.Compute(paths);
        LastResult = Load();
        _current = LastResult.Snapshot;
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _poll = new Timer(_ => Poll(), null, _options.PollInterval, _options.PollInterval);
        if (_options.UseFileSystemEvents)
        {
            foreach (var path in new[] { paths.ConfigPath, paths.JobConfigPath, paths.PluginConfigPath })
            {
                Watch(path);
            }
        }
    }

    /// <summary>Raised after a successful reload replaced <see cref="Current"/>.</summary>
    public event EventHandler<ConfigChangedEventArgs>? Changed;

    /// <summary>Raised when a change could not be loaded; <see cref="Current"/> is unchanged.</summary>
    public event EventHandler<ConfigReloadFailedEventArgs>? ReloadFailed;

    /// <summary>The last good snapshot; null only if the very first load failed.</summary>
    public ConfigSnapshot? Current => Volatile.Read(ref _current);

    public ConfigLoadResult LastResult { get; private set; }

    /// <summary>Reloads immediately (also what file events lead to, after the debounce).</summary>
    public void Reload()
    {
        lock (_reloadGate)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _stamps, FileStamps.Compute(_paths));
            var result = Load();
            LastResult = result;
            if (result.Snapshot is not { } next)
            {
                Raise(() => ReloadFailed?.Invoke(this, new ConfigReloadFailedEventArgs(result)));
                return;
            }

            var previous = Current;
            if (previous?.Fingerprint == next.Fingerprint)
            {
                return;
            }

            Volatile.Write(ref _current, next);
            LogReloaded(_logger, next.Jobs.PresubmitCount, next.Jobs.PostsubmitCount, next.Jobs.Periodics.Count);
            Raise(() => Changed?.Invoke(this, new ConfigChangedEventArgs(previous, next)));
        }
    }

    public void Dispose()
    {
        lock (_reloadGate)
        {
            _disposed = true;
        }

        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _debounce.Dispose();
        _poll.Dispose();
    }

    // Reloads run on timer threads: a throwing subscriber must not take the process down.
    private void Raise(Action raise)
    {
        try
        {
            raise();
        }
        catch (Exception ex)
        {
            LogSubscriberFailed(_logger, ex);
        }
    }

    private ConfigLoadResult Load()
    {
        ConfigLoadResult result;
        try
        {
            result = ConfigLoader.Load(_paths, _options.Strict, implementedPlugins: _options.ImplementedPlugins, pluginNotice: _options.PluginNotice);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file vanishing between listing and reading (an editor's rename dance) is retried on the next event.
            result = new ConfigLoadResult(null, [new ConfigProblem(_paths.ConfigPath ?? "", 0, "file", ex.Message, ProblemSeverity.Error)]);
        }

        foreach (var p in result.Problems)
        {
            if (p.Severity == ProblemSeverity.Error)
            {
                LogProblemError(_logger, p.ToString());
            }
            else
            {
                LogProblemWarning(_logger, p.ToString());
            }
        }

        if (!result.Succeeded)
        {
            LogKeptLastGood(_logger, result.Errors.Count());
        }

        return result;
    }

    private void Watch(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var isDir = Directory.Exists(path);
        var dir = isDir ? path : Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is null || !Directory.Exists(dir))
        {
            return;
        }

        var watcher = new FileSystemWatcher(dir)
        {
            IncludeSubdirectories = isDir,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        if (!isDir)
        {
            watcher.Filter = Path.GetFileName(path);
        }

        watcher.Changed += (_, _) => Schedule();
        watcher.Created += (_, _) => Schedule();
        watcher.Deleted += (_, _) => Schedule();
        watcher.Renamed += (_, _) => Schedule();
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (IOException ex)
        {
            // Typically the per-user inotify instance limit: polling still notices every change, a little later.
            LogFileEventsUnavailable(_logger, dir, _options.PollInterval, ex.Message);
            watcher.Dispose();
            return;
        }

        _watchers.Add(watcher);
    }

    private void Schedule()
    {
        lock (_reloadGate)
        {
            if (!_disposed)
            {
                _debounce.Change(_options.Debounce, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void Poll()
    {
        try
        {
            if (FileStamps.Compute(_paths) != Volatile.Read(ref _stamps))
            {
                Schedule();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Schedule(); // something moved under us; let a reload report it properly
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblemError(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogProblemWarning(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "config reload failed with {Errors} error(s); keeping the last good config")]
    private static partial void LogKeptLastGood(ILogger logger, int errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "a config change subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Folder} for changes ({Reason}); polling every {PollInterval} instead")]
    private static partial void LogFileEventsUnavailable(ILogger logger, string folder, TimeSpan pollInterval, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "config reloaded: {Presubmits} presubmits, {Postsubmits} postsubmits, {Periodics} periodics")]
    private static partial void LogReloaded(ILogger logger, int presubmits, int postsubmits, int periodics);
}
