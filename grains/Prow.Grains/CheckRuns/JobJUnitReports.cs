using Prow.Services.Artifacts;

namespace Prow.Grains.CheckRuns;

/// <summary>A finished job's failed tests: every <c>junit*.xml</c> under its build's <c>artifacts/</c>, read from the artifact store.</summary>
public sealed class JobJUnitReports(IArtifactStore root)
{
    /// <summary>Folders below <c>artifacts/</c> looked into; JUnit reports sit near the top in every layout seen.</summary>
    private const int MaxDepth = 4;

    /// <summary>Reports read at most, so a job writing thousands of files does not hold crier.</summary>
    private const int MaxReports = 100;

    public async Task<IReadOnlyList<JUnitFailure>> FailuresAsync(ProwJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var store = ArtifactLayout.StoreFor(root, job);
        var build = ArtifactLayout.BuildFolder(job);
        var reports = new List<string>();
        await FindAsync(store, build, "artifacts", 0, reports, cancellationToken);
        var failures = new List<JUnitFailure>();
        foreach (var report in reports)
        {
            if (await store.ReadAsync($"{build}/{report}", cancellationToken) is { } content)
            {
                failures.AddRange(JUnitReports.Failures(report, content));
            }
        }

        return failures;
    }

    private static async Task FindAsync(IArtifactStore store, string build, string folder, int depth, List<string> reports, CancellationToken cancellationToken)
    {
        foreach (var name in await store.ListAsync($"{build}/{folder}", cancellationToken))
        {
            if (reports.Count >= MaxReports)
            {
                return;
            }

            if (JUnitReports.ReportName().IsMatch(name))
            {
                reports.Add($"{folder}/{name}");
            }
            else if (depth < MaxDepth && !name.Contains('.', StringComparison.Ordinal))
            {
                // A store lists files and folders alike; a name without an extension may be a folder.
                await FindAsync(store, build, $"{folder}/{name}", depth + 1, reports, cancellationToken);
            }
        }
    }
}
