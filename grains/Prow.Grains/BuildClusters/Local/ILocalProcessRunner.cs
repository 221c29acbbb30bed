namespace Prow.Grains.BuildClusters.Local;

/// <summary>Runs one job as local processes; a seam so grain tests can run jobs without processes.</summary>
public interface ILocalProcessRunner
{
    /// <summary>Never throws for job-level problems (they are outcomes); ArgumentException for an invalid request.</summary>
    Task<LocalRunResult> RunAsync(LocalRunRequest request, CancellationToken abort);
}
