using System.Text.Json;
using Prow.GrainInterfaces.Tide;
using Prow.Web.Jobs;

namespace Prow.Web.Tests;

/// <summary>
/// Deck's tide pages over real merge pools: the fake GitHub holds the pull requests, tide's own sync reads them and
/// the pool grains decide and merge; the pages must show what the grains hold.
/// </summary>
[Collection(SharedDeck.Name)]
public sealed class TidePagesTests(DeckHost host)
{
    private const string Repo = DeckHost.TideRepo;

    [Fact]
    public async Task TidePage_ShowsThePool_ItsBaseActionAndPullRequests_AndTheIssueBlockingIt()
    {
        host.GitHub.Change(Repo, r =>
        {
            r.WithBranch("frozen", "frozenbase1");
            r.AddPullRequest(31, "Polish the hull", "alice", "frozenhead31", baseRef: "frozen").Labels.Add("lgtm");
            r.AddPullRequest(33, "Not reviewed yet", "bob", "frozenhead33", baseRef: "frozen");
            r.AddIssue(32, "Release freeze branch:frozen", "maintainer").Labels.Add("merge-blocker");
        });

        var unit = await host.CreateJobAsync("harbour-unit", Repo, pull: 31, sha: "frozenhead31");
        var stale = await host.CreateJobAsync("harbour-lint", Repo, pull: 31, sha: "oldhead31");
        await host.TideSync.SyncOnceAsync(CancellationToken.None);

        var pool = PoolSection(await host.Http.GetStringAsync("/tide"), $"{Repo}@frozen");
        Assert.Contains("data-action=\"BLOCKED\"", pool, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://github.com/{Repo}/commit/frozenbase1\"", pool, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"Passing in {Repo}@frozen\"", pool, StringComparison.Ordinal);
        Assert.Contains($"href=\"/pr/{Repo}/31\"", pool, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://github.com/{Repo}/pull/31\"", pool, StringComparison.Ordinal);
        Assert.Contains("Polish the hull", pool, StringComparison.Ordinal);
        // Its jobs at the head tide looks at link to their pages; a job at an older head does not show.
        Assert.Contains($"href=\"/view/{unit.Id}\"", pool, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"harbour-unit {unit.Status.State} on {Repo} pull request 31\"", pool, StringComparison.Ordinal);
        Assert.DoesNotContain(stale.Id, pool, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://github.com/{Repo}/issues/32\"", pool, StringComparison.Ordinal);
        Assert.Contains("Release freeze branch:frozen", pool, StringComparison.Ordinal);
        // Without lgtm it matches no query, so it is not in the pool.
        Assert.DoesNotContain($"/pr/{Repo}/33", pool, StringComparison.Ordinal);
        Assert.DoesNotContain(host.GitHub.MergesIn(Repo), m => m.Number == 31);
    }

    [Fact]
    public async Task TideHistoryPage_ShowsTheMerge_WhenAtWhichBaseAndWhichPullRequest_AsTideHistoryJsDoes()
    {
        host.GitHub.Change(Repo, r =>
        {
            r.WithBranch("dock", "dockbase1");
            r.AddPullRequest(41, "Paint the dock", "bob", "dockhead41", baseRef: "dock").Labels.Add("lgtm");
        });

        await host.TideSync.SyncOnceAsync(CancellationToken.None);
        await WaitUntilAsync(() => host.GitHub.MergesIn(Repo).Any(m => m.Number == 41), "tide did not merge #41");

        var record = (await host.Grains.GetGrain<IMergePoolGrain>($"{Repo}@dock").GetHistoryAsync()).Single(r => r.Action == "MERGE");
        var page = await host.Http.GetStringAsync($"/tide-history?pool={Uri.EscapeDataString($"{Repo}@dock")}");
        var row = Row(page, "MERGE");
        Assert.Contains(JobLinks.Time(record.Time), row, StringComparison.Ordinal);
        Assert.Contains($"{Repo}@dock", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"/pr/{Repo}/41\"", row, StringComparison.Ordinal);
        Assert.Contains("</a> Paint the dock <span class=\"why\">by bob</span>", row, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://github.com/{Repo}/commit/dockbase1\"", row, StringComparison.Ordinal);
        Assert.Contains("merged", row, StringComparison.Ordinal);

        // The same record in Prow's JSON, and another pool's filter leaves it out.
        var json = await host.Http.GetStringAsync("/tide-history.js");
        using var document = JsonDocument.Parse(json);
        var merge = document.RootElement.GetProperty("History").GetProperty($"{Repo}:dock").EnumerateArray().Single(r => r.GetProperty("action").GetString() == "MERGE");
        Assert.Equal(41, merge.GetProperty("target")[0].GetProperty("number").GetInt32());
        Assert.DoesNotContain("Paint the dock", await host.Http.GetStringAsync($"/tide-history?pool={Uri.EscapeDataString($"{Repo}@frozen")}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_LinksBothTidePages_AndAPoolWithNoRecordsSaysSo()
    {
        var tide = await host.Http.GetStringAsync("/tide");
        var history = await host.Http.GetStringAsync("/tide-history?pool=nobody%2Fnothing%40main");

        Assert.Contains("<a href=\"/tide\">Tide</a>", tide, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/tide-history\">Tide history</a>", tide, StringComparison.Ordinal);
        Assert.Contains("Tide has not merged or tested anything yet.", history, StringComparison.Ordinal);
    }

    /// <summary>The markup of one pool's article on the tide page.</summary>
    private static string PoolSection(string page, string pool)
    {
        var start = page.IndexOf($"data-pool=\"{pool}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the tide page shows no pool {pool}: {page}");
        return page[start..page.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    /// <summary>The markup of the first history row with this action.</summary>
    private static string Row(string page, string action)
    {
        var start = page.IndexOf($"data-action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the history page shows no {action}: {page}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }
}
