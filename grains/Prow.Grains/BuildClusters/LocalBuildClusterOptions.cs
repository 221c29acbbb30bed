using Prow.Services.Artifacts;

namespace Prow.Grains.BuildClusters;

/// <summary>The local build cluster: jobs as processes on this machine.</summary>
public sealed record LocalBuildClusterOptions
{
    /// <summary>The name jobs use in <c>cluster:</c>; Prow's default cluster alias.</summary>
    public string Name { get; init; } = "default";

    public int Capacity { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Where per-run workspaces and build logs are made.</summary>
    public string WorkspaceRoot { get; init; } = Path.GetFullPath("./.prow/workspaces");

    /// <summary><c>--git-base-url</c>: where refs are cloned from when a ref names no clone_uri.</summary>
    public string GitBaseUrl { get; init; } = "https://github.com";

    /// <summary>Where a run's $ARTIFACTS go for a build folder (null: kept only in the workspace).</summary>
    public Func<string, string?>? ArtifactsFolderFor { get; init; }

    /// <summary>
    /// A store that is not this machine's folder (S3): a run's $ARTIFACTS are staged beside its build log, then
    /// uploaded here under the build folder before the job reports its end (and before latest-build.txt moves).
    /// </summary>
    public IArtifactStore? UploadArtifactsTo { get; init; }
}
