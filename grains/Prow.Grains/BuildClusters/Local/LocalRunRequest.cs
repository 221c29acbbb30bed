namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// One job to run as local processes: the container's command with Kubernetes semantics, and, when decorated,
/// the refs to clone first (clonerefs) and the timeout to enforce (entrypoint). Env is already resolved by the caller,
/// including Prow's JOB_SPEC, BUILD_ID, PULL_* variables.
/// </summary>
public sealed record LocalRunRequest
{
    /// <summary>Prow's entrypoint default when a decorated job sets no timeout.</summary>
    public static readonly TimeSpan DefaultDecoratedTimeout = TimeSpan.FromHours(2);

    /// <summary>Prow's entrypoint default grace period between SIGTERM and SIGKILL.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(15);

    public static readonly IReadOnlyList<string> JobTypes = ["presubmit", "postsubmit", "periodic", "batch"];

    public required string JobId { get; init; }

    public required string BuildId { get; init; }

    public required string JobName { get; init; }

    /// <summary>presubmit, postsubmit, periodic or batch.</summary>
    public required string JobType { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>A fresh workspace for the run is made under this folder.</summary>
    public required string WorkspaceRoot { get; init; }

    /// <summary>The build log (build-log.txt), created fresh.</summary>
    public required string LogPath { get; init; }

    /// <summary>When set, the run's $ARTIFACTS folder is moved here before the workspace is removed (sidecar's upload).</summary>
    public string? ArtifactsDestination { get; init; }

    public bool Decorate { get; init; }

    public IReadOnlyList<LocalCloneRef> Refs { get; init; } = [];

    public string GitBaseUrl { get; init; } = "https://github.com";

    /// <summary>Null or zero: two hours when decorated (entrypoint's default for an unset timeout), none otherwise.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Zero means the default, as in entrypoint.</summary>
    public TimeSpan GracePeriod { get; init; } = DefaultGracePeriod;

    /// <summary>The timeout that applies to the command, if any.</summary>
    public TimeSpan? EffectiveTimeout => Timeout is { } timeout && timeout > TimeSpan.Zero ? timeout : (Decorate ? DefaultDecoratedTimeout : null);

    public TimeSpan EffectiveGracePeriod => GracePeriod > TimeSpan.Zero ? GracePeriod : DefaultGracePeriod;

    /// <summary>Executable and arguments: Command then Args, or Args alone when Command is empty (Kubernetes).</summary>
    public IReadOnlyList<string> CommandLine => Command.Count > 0 ? [.. Command, .. Args] : Args;

    /// <summary>Throws <see cref="ArgumentException"/> when the request cannot describe a run.</summary>
    public void Validate()
    {
        Require(JobId, nameof(JobId));
        Require(BuildId, nameof(BuildId));
        Require(JobName, nameof(JobName));
        Require(WorkspaceRoot, nameof(WorkspaceRoot));
        Require(LogPath, nameof(LogPath));
        if (!JobTypes.Contains(JobType, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Job type '{JobType}' is not one of {string.Join(", ", JobTypes)}.", nameof(JobType));
        }

        if (Timeout is { } timeout && timeout < TimeSpan.Zero)
        {
            throw new ArgumentException("The timeout cannot be negative.", nameof(Timeout));
        }

        if (GracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentException("The grace period cannot be negative.", nameof(GracePeriod));
        }

        if (Decorate)
        {
            Require(GitBaseUrl, nameof(GitBaseUrl));
            ValidateRefs();
        }
    }

    private void ValidateRefs()
    {
        foreach (var cloneRef in Refs)
        {
            Require(cloneRef.Org, "Refs.Org");
            Require(cloneRef.Repo, "Refs.Repo");
            Require(cloneRef.BaseRef, "Refs.BaseRef");
            // Refs and URLs reach git as arguments: one starting with '-' would be read as an option (--upload-pack=...).
            string?[] gitArguments = [cloneRef.BaseRef, cloneRef.BaseSha, cloneRef.CloneUri, .. cloneRef.Pulls.SelectMany(p => new[] { p.Sha, p.Ref })];
            if (gitArguments.FirstOrDefault(a => a?.StartsWith('-') == true) is { } option)
            {
                throw new ArgumentException($"'{option}' of {cloneRef.Org}/{cloneRef.Repo} would be read by git as an option.", nameof(Refs));
            }

            var alias = cloneRef.PathAlias ?? string.Empty;
            if (Path.IsPathRooted(alias) || alias.Split('/').Contains(".."))
            {
                throw new ArgumentException($"Path alias '{alias}' must stay under src/.", nameof(Refs));
            }
        }

        if (Refs.Count(r => r.Workdir) > 1)
        {
            throw new ArgumentException("At most one ref can be the working directory.", nameof(Refs));
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }
}
