using System.Diagnostics;
using System.Globalization;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;
using Prow.Storage.Sqlite;

namespace Prow.Bench;

/// <summary>
/// Deck at scale: 1,000,000 ProwJobs upserted into the SQLite job index (the path every job state change takes), then
/// the jobs page's first render over HTTP against the real host, unfiltered, filtered and paged.
/// </summary>
internal static class DeckBenchmarks
{
    private const int Jobs = 1_000_000;
    private const int InFlight = 4096;
    private const int Requests = 200;

    public static async Task RunAsync(string folder, int jobs = Jobs)
    {
        var path = Path.Combine(folder, "deck.db");
        var seeded = await SeedAsync(path, jobs);
        Measure.Report($"job index upserts/s, {jobs:N0} jobs", $"{seeded:N0}");
        Measure.Report("database file", $"{new FileInfo(path).Length / (1024 * 1024):N0} MB");

        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, path),
            Artifacts = Path.Combine(folder, "deck-artifacts"),
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var first = await client.GetStringAsync("/");
            var older = first[(first.IndexOf("href=\"/?after=", StringComparison.Ordinal) + 6)..];
            older = System.Net.WebUtility.HtmlDecode(older[..older.IndexOf('"', StringComparison.Ordinal)]);
            foreach (var (name, url) in new[]
            {
                ("/ (newest 50 of all)", "/"),
                ("/?repo=", "/?repo=org-7/repo-3"),
                ("/?author=", "/?author=user-1234"),
                ("/?job=", "/?job=job-77"),
                ("/?state=failure", "/?state=failure"),
                ("/?type=periodic", "/?type=periodic"),
                ("/?repo=&state=failure", "/?repo=org-7/repo-3&state=failure"),
                ("/?repo=&pull=", "/?repo=org-7/repo-3&pull=42"),
                ("second page (?after=)", older),
            })
            {
                await MeasurePageAsync(client, name, url);
            }

            await MeasureMetricsAsync(client, jobs);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task MeasurePageAsync(HttpClient client, string name, string url)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var rows = (await client.GetStringAsync(url)).Split("data-job-id=").Length - 1;
        var samples = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(Measure.ElapsedMs(start));
            response.EnsureSuccessStatusCode();
        }

        samples.Sort();
        Measure.Report($"jobs page {name} ({rows} rows)", $"p50 {Measure.At(samples, 0.5):F2} ms, p95 {Measure.At(samples, 0.95):F2} ms, max {samples[^1]:F2} ms");
    }

    /// <summary><c>/metrics</c>: its <c>prowjobs</c> gauge is one grouped count over the whole job index at each read.</summary>
    private static async Task MeasureMetricsAsync(HttpClient client, int jobs)
    {
        var text = await client.GetStringAsync("/metrics");
        var series = text.Split('\n').Count(l => l.StartsWith("prowjobs{", StringComparison.Ordinal));
        var samples = new List<double>(20);
        for (var i = 0; i < 20; i++)
        {
            var start = Stopwatch.GetTimestamp();
            (await client.GetAsync("/metrics")).EnsureSuccessStatusCode();
            samples.Add(Measure.ElapsedMs(start));
        }

        samples.Sort();
        Measure.Report($"/metrics over {jobs:N0} jobs ({series:N0} prowjobs series)", $"p50 {Measure.At(samples, 0.5):F0} ms, p95 {Measure.At(samples, 0.95):F0} ms, max {samples[^1]:F0} ms");
    }

    /// <summary>Upserts generated jobs (200 repos, 2,000 job names, 5,000 authors, 30 days) through the index; returns jobs/s.</summary>
    private static async Task<double> SeedAsync(string path, int jobs)
    {
        await using var database = SqliteDatabase.Open(path, SqliteSynchronousMode.Normal);
        var index = await SqliteProwJobIndex.OpenAsync(database);
        var random = new Random(42);
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var pending = new List<Task>(InFlight);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < jobs; i++)
        {
            pending.Add(index.UpsertAsync(Job(random, i, start.AddSeconds(i * 2.5)), CancellationToken.None));
            if (pending.Count == InFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        return jobs / clock.Elapsed.TotalSeconds;
    }

    private static ProwJob Job(Random random, int i, DateTimeOffset created)
    {
        var roll = random.Next(100);
        var type = roll < 70 ? ProwJobType.Presubmit : roll < 90 ? ProwJobType.Postsubmit : roll < 99 ? ProwJobType.Periodic : ProwJobType.Batch;
        var outcome = random.Next(100);
        var state = outcome < 80 ? ProwJobState.Success : outcome < 95 ? ProwJobState.Failure : outcome < 97 ? ProwJobState.Aborted : outcome < 98 ? ProwJobState.Error : ProwJobState.Pending;
        var org = $"org-{random.Next(20)}";
        var repo = $"repo-{random.Next(10)}";
        var id = $"{i:x8}-{random.Next():x8}";
        return new ProwJob
        {
            Metadata = new ProwJobMetadata
            {
                Name = id,
                CreationTimestamp = created,
                Labels = new Dictionary<string, string> { ["created-by-prow"] = "true", ["prow.k8s.io/type"] = type },
            },
            Spec = new ProwJobSpec
            {
                Type = type,
                Job = $"job-{random.Next(2000)}",
                Refs = new ProwJobRefs
                {
                    Org = org,
                    Repo = repo,
                    BaseRef = "main",
                    BaseSha = $"{random.NextInt64():x16}",
                    Pulls = type == ProwJobType.Presubmit ? [new ProwJobPull { Number = random.Next(1, 500), Author = $"user-{random.Next(5000)}", Sha = $"{random.NextInt64():x16}" }] : [],
                },
            },
            Status = new ProwJobStatus
            {
                StartTime = created,
                PendingTime = created.AddSeconds(2),
                CompletionTime = state == ProwJobState.Pending ? null : created.AddSeconds(30 + random.Next(1800)),
                State = state,
                Description = $"Job {state}.",
                BuildId = (1_700_000_000_000 + i).ToString(CultureInfo.InvariantCulture),
            },
        };
    }
}
