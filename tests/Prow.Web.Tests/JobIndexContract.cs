using Prow.GrainInterfaces.ProwJobs;
using Prow.Services.JobIndex;

namespace Prow.Web.Tests;

/// <summary>What every <see cref="IProwJobIndex"/> must do; run against each implementation.</summary>
public abstract class JobIndexContract
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<IProwJobIndex> CreateAsync();

    public static ProwJob Job(string id, int minute, string job = "unit", string repo = "acme/widgets", int? pull = 1, string author = "alice", string state = ProwJobState.Success, string type = ProwJobType.Presubmit)
    {
        var (org, name) = (repo.Split('/')[0], repo.Split('/')[1]);
        return new ProwJob
        {
            Metadata = new ProwJobMetadata { Name = id, CreationTimestamp = s_t0.AddMinutes(minute) },
            Spec = new ProwJobSpec
            {
                Type = type,
                Job = job,
                Refs = new ProwJobRefs { Org = org, Repo = name, BaseRef = "main", Pulls = pull is { } n ? [new ProwJobPull { Number = n, Author = author, Sha = $"sha{n}" }] : [] },
            },
            Status = new ProwJobStatus { StartTime = s_t0.AddMinutes(minute), State = state, CompletionTime = ProwJobState.IsFinal(state) ? s_t0.AddMinutes(minute + 2) : null },
        };
    }

    [Fact]
    public async Task Upsert_Twice_KeepsOneRowWithTheLatestState()
    {
        var index = await CreateAsync();
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Failure), CancellationToken.None);
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Failure), CancellationToken.None);

        var page = await index.QueryAsync(new ProwJobQuery(), CancellationToken.None);

        var row = Assert.Single(page.Jobs);
        Assert.Equal(ProwJobState.Failure, row.State);
        Assert.Equal(TimeSpan.FromMinutes(2), row.Duration);
        Assert.Equal(("acme/widgets", 1, "alice", "sha1"), (row.Repo, row.Pull, row.Author, row.PullSha));
    }

    [Fact]
    public async Task Count_GroupsEveryJobByNameTypeStateRepoAndBaseBranch()
    {
        var index = await CreateAsync();
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("b", 2, pull: 2, state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("c", 3, state: ProwJobState.Failure), CancellationToken.None);
        await index.UpsertAsync(Job("d", 4, job: "lint", repo: "acme/gadgets", state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("e", 5, job: "nightly", pull: null, type: ProwJobType.Periodic) with { Spec = new ProwJobSpec { Type = ProwJobType.Periodic, Job = "nightly" } }, CancellationToken.None);
        await index.UpsertAsync(Job("f", 6, pull: 3, state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Success), CancellationToken.None);

        var counts = await index.CountAsync(CancellationToken.None);

        Assert.Equal(
            [
                "lint presubmit pending acme/gadgets main 1",
                "nightly periodic success - - 1",
                "unit presubmit failure acme/widgets main 1",
                "unit presubmit pending acme/widgets main 2",
                "unit presubmit success acme/widgets main 1",
            ],
            counts.Select(c => $"{c.Job} {c.Type} {c.State} {c.Repo ?? "-"} {c.BaseRef ?? "-"} {c.Count}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_ReturnsTheStoredJob_OrNull()
    {
        var index = await CreateAsync();
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("a", 1, state: ProwJobState.Failure), CancellationToken.None);

        var job = await index.GetAsync("a", CancellationToken.None);

        Assert.Equal(("a", ProwJobState.Failure, "sha1"), (job?.Id, job?.Status.State, job?.Spec.Refs?.Pulls[0].Sha));
        Assert.Null(await index.GetAsync("b", CancellationToken.None));
    }

    [Fact]
    public async Task Query_PagesNewestFirst_WithoutGapsOrRepeats_WhenTimesTie()
    {
        var index = await CreateAsync();
        var ids = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            var id = $"job-{i:00}";
            ids.Add(id);
            await index.UpsertAsync(Job(id, minute: i / 3), CancellationToken.None);
        }

        var seen = new List<string>();
        ProwJobCursor? after = null;
        do
        {
            var page = await index.QueryAsync(new ProwJobQuery { Limit = 4, After = after }, CancellationToken.None);
            seen.AddRange(page.Jobs.Select(j => j.Id));
            after = page.Next is { } next ? ProwJobCursor.Parse(next.ToString()) : null;
        }
        while (after is not null);

        var expected = ids.OrderByDescending(id => int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture) / 3).ThenByDescending(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Query_EachFilter_SelectsOnlyMatchingJobs()
    {
        var index = await CreateAsync();
        await index.UpsertAsync(Job("w1", 1, job: "unit", repo: "acme/widgets", pull: 1, author: "alice", state: ProwJobState.Success), CancellationToken.None);
        await index.UpsertAsync(Job("w2", 2, job: "lint", repo: "acme/widgets", pull: 2, author: "bob", state: ProwJobState.Failure), CancellationToken.None);
        await index.UpsertAsync(Job("g1", 3, job: "unit", repo: "acme/gadgets", pull: 1, author: "Alice", state: ProwJobState.Pending), CancellationToken.None);
        await index.UpsertAsync(Job("p1", 4, job: "nightly", repo: "acme/widgets", pull: null, state: ProwJobState.Error, type: ProwJobType.Periodic), CancellationToken.None);

        async Task<string[]> Ids(ProwJobQuery query) => [.. (await index.QueryAsync(query, CancellationToken.None)).Jobs.Select(j => j.Id)];

        Assert.Equal(["p1", "w2", "w1"], await Ids(new ProwJobQuery { Repo = "acme/widgets" }));
        Assert.Equal(["g1", "w1"], await Ids(new ProwJobQuery { Author = "alice" }));
        Assert.Equal(["g1", "w1"], await Ids(new ProwJobQuery { Job = "unit" }));
        Assert.Equal(["w2"], await Ids(new ProwJobQuery { State = ProwJobState.Failure }));
        Assert.Equal(["p1"], await Ids(new ProwJobQuery { Type = ProwJobType.Periodic }));
        Assert.Equal(["w1"], await Ids(new ProwJobQuery { Repo = "acme/widgets", Pull = 1 }));
        Assert.Empty(await Ids(new ProwJobQuery { Repo = "acme/widgets", State = ProwJobState.Pending }));
    }

    [Fact]
    public async Task Remove_TakesTheJobOut_AndListJobsReturnsProwsShape()
    {
        var index = await CreateAsync();
        await index.UpsertAsync(Job("keep", 1), CancellationToken.None);
        await index.UpsertAsync(Job("drop", 2), CancellationToken.None);

        await index.RemoveAsync("drop", CancellationToken.None);

        var job = Assert.Single(await index.ListJobsAsync(new ProwJobQuery(), CancellationToken.None));
        Assert.Equal(Job("keep", 1).Spec.Refs!.Pulls[0], job.Spec.Refs!.Pulls[0]);
        Assert.Equal(("keep", "unit", ProwJobState.Success), (job.Id, job.Spec.Job, job.Status.State));
    }
}
