using System.Net;
using System.Text.Json;
using Prow.GrainInterfaces.ProwJobs;

namespace Prow.Web.Tests;

/// <summary>Deck's JSON and plain HTTP surface against the running host.</summary>
[Collection(SharedDeck.Name)]
public sealed class DeckHttpTests(DeckHost host)
{
    [Fact]
    public async Task ProwJobsJs_ListsJobsInProwsShape_WithVarAndOmit()
    {
        var job = await host.CreateJobAsync("json-job", pull: 61);

        var script = await host.Http.GetStringAsync("/prowjobs.js?var=allBuilds&omit=pod_spec,labels");

        Assert.StartsWith("var allBuilds = {\"items\":[", script, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(script["var allBuilds = ".Length..^1]);
        var item = document.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("metadata").GetProperty("name").GetString() == job.Id);
        Assert.Equal("json-job", item.GetProperty("spec").GetProperty("job").GetString());
        Assert.Equal(ProwJobState.Error, item.GetProperty("status").GetProperty("state").GetString());
        Assert.False(item.GetProperty("spec").TryGetProperty("pod_spec", out _));
        Assert.False(item.GetProperty("metadata").TryGetProperty("labels", out _));
        Assert.True(item.GetProperty("spec").TryGetProperty("decoration_config", out _));
    }

    [Theory]
    [InlineData("/prowjobs.js?var=alert(1)")]
    [InlineData("/prowjobs.js?omit=status")]
    [InlineData("/badge.svg")]
    public async Task BadRequests_AreRefusedWithAReason(string url)
    {
        using var response = await host.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Badge_PassingThenFailing_NamesTheFailingJob()
    {
        var passing = await host.CreateJobAsync("badge-pass", pull: null, script: "true");
        await host.WaitFinishedAsync(passing.Id);
        Assert.Contains(">passing<", await host.Http.GetStringAsync("/badge.svg?jobs=badge-pass"), StringComparison.Ordinal);

        await host.CreateJobAsync("badge-broken", pull: null);
        var badge = await host.Http.GetStringAsync("/badge.svg?jobs=badge-pass,badge-broken,badge-never");

        Assert.Contains(">failing badge-broken<", badge, StringComparison.Ordinal);
        Assert.Contains(">no results<", await host.Http.GetStringAsync("/badge.svg?jobs=badge-never"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../../prow.db")]
    [InlineData("nope.txt")]
    public async Task Artifact_OnlyListedNames_AreServed(string name)
    {
        var job = await host.CreateJobAsync("artifact-job", pull: 62, script: "echo hi");
        await host.WaitFinishedAsync(job.Id);

        using var listed = await host.Http.GetAsync($"/artifact?prowjob={job.Id}&name=finished.json");
        using var refused = await host.Http.GetAsync($"/artifact?prowjob={job.Id}&name={Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Admin_WithoutToken_ShowsOnlyTheLoginForm_AndAWrongTokenIsRefused()
    {
        var page = await host.Http.GetStringAsync("/admin");
        Assert.Contains("Admin token", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Grain types", page, StringComparison.Ordinal);

        using var forged = await host.Http.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = DeckHost.AdminToken }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task GitHubLoginCallback_WithoutItsState_IsRefused()
    {
        int Exchanges() => host.GitHub.Calls.Count(c => c.Path == "/login/oauth/access_token");
        var before = Exchanges();

        using var response = await host.Http.GetAsync("/github-login/redirect?code=code_alice&state=forged");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Exchanges());
    }

    [Fact]
    public async Task JobGrain_KeepsItsIndexRow_FromCreationToDeletion()
    {
        var job = await host.CreateJobAsync("indexed-job", pull: 63, script: "echo indexed");
        var finished = await host.WaitFinishedAsync(job.Id);
        var row = Assert.Single((await host.Index.QueryAsync(new() { Job = "indexed-job" }, CancellationToken.None)).Jobs);
        Assert.Equal((ProwJobState.Success, finished.Status.BuildId), (row.State, row.BuildId));

        Assert.True(await host.Grains.GetGrain<IProwJobGrain>(job.Id).DeleteAsync());

        Assert.Empty((await host.Index.QueryAsync(new() { Job = "indexed-job" }, CancellationToken.None)).Jobs);
    }

    [Fact]
    public async Task JobHistory_CountsRunsPassesAndFailures()
    {
        var passed = await host.CreateJobAsync("history-job", pull: null, script: "true");
        await host.WaitFinishedAsync(passed.Id);
        var failed = await host.CreateJobAsync("history-job", pull: null);

        var page = await host.Http.GetStringAsync("/job-history/history-job");

        Assert.Contains("Shown: 2 runs, 1 passed, 1 failed, average duration", page, StringComparison.Ordinal);
        Assert.Contains($"data-job-id=\"{passed.Id}\"", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf(failed.Id, StringComparison.Ordinal) < page.IndexOf(passed.Id, StringComparison.Ordinal), "newest run first");
    }

    [Fact]
    public async Task CommandHelp_ShowsEnabledPluginsAndTheirCommands()
    {
        var page = await host.Http.GetStringAsync("/command-help");

        Assert.Contains("<h2 id=\"plugin-trigger\">trigger</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<code>/test", page, StringComparison.Ordinal);
        Assert.DoesNotContain("plugin-cat", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobView_UnknownJob_Is404()
    {
        using var response = await host.Http.GetAsync("/view/no-such-job");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
