using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Prow.GrainInterfaces.ProwJobs;
using static Microsoft.Playwright.Assertions;

namespace Prow.Web.Tests;

/// <summary>Deck in Chromium: filtering, the log view, live updates, rerun allowed and refused; screenshots of the main pages.</summary>
[Collection(SharedDeck.Name)]
public sealed partial class BrowserTests(DeckHost host)
{
    [GeneratedRegex(@"repo=acme%2Fgadgets")]
    private static partial Regex GadgetsFilterInUrl();

    [GeneratedRegex(@"/view/[0-9a-f-]+$")]
    private static partial Regex JobViewUrl();

    [Fact]
    public async Task JobsPage_FilterByRepository_ShowsOnlyItsJobs_AndTheFilterIsInTheUrl()
    {
        var widget = await host.CreateJobAsync("unit-widgets", "acme/widgets", pull: 11);
        var gadget = await host.CreateJobAsync("unit-gadgets", "acme/gadgets", pull: 12, author: "bob");
        var page = await host.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator($"tr[data-job-id='{widget.Id}']")).ToBeVisibleAsync();
        await page.GetByLabel("Repository").FillAsync("acme/gadgets");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(GadgetsFilterInUrl());
        await Expect(page.Locator($"tr[data-job-id='{gadget.Id}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-job-id='{widget.Id}']")).ToHaveCountAsync(0);
        var repos = await page.Locator("table.jobs tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.All(repos, repo => Assert.Equal("acme/gadgets", repo));

        // The filtered view is a link: opening it afresh shows the same rows.
        var linked = await host.NewPageAsync();
        await linked.GotoAsync(page.Url);
        await Expect(linked.Locator($"tr[data-job-id='{gadget.Id}']")).ToBeVisibleAsync();
        await Expect(linked.GetByLabel("Repository")).ToHaveValueAsync("acme/gadgets");
    }

    [Fact]
    public async Task JobView_ShowsTheLogWithLineNumbersColoursAndErrorLines_AndTheRawLog()
    {
        var job = await host.CreateJobAsync("log-job", pull: 21, script: @"printf 'step one\n\033[32mgreen ok\033[0m\nERROR: widget broke\n'; exit 1");
        var finished = await host.WaitFinishedAsync(job.Id);
        Assert.Equal(ProwJobState.Failure, finished.Status.State);
        var page = await host.NewPageAsync();

        await page.GotoAsync("/?job=log-job");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Log of log-job {finished.Status.BuildId}" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(JobViewUrl());
        var log = page.GetByRole(AriaRole.Log, new() { Name = "Build log" });
        await Expect(log.Locator("#L1")).ToContainTextAsync("step one");
        await Expect(log.Locator("#L2 .ansi-fg-2")).ToHaveTextAsync("green ok");
        await Expect(log.Locator(".line.error")).ToHaveCountAsync(1);
        await Expect(log.Locator(".line.error")).ToContainTextAsync("ERROR: widget broke");
        await Expect(log.Locator("#L3 a.number")).ToHaveAttributeAsync("href", "#L3");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "finished.json" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "job-view.png"), FullPage = true });

        var raw = await page.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Raw build log" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, raw.Status);
        Assert.Contains("ERROR: widget broke", await raw.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsPage_NewJob_AppearsWithoutAReload()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/?repo=acme/live");
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        var job = await host.CreateJobAsync("live-job", "acme/live", pull: 31);

        await Expect(page.Locator($"tr[data-job-id='{job.Id}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"tr[data-job-id='{job.Id}'] .state")).ToContainTextAsync("error");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was reloaded instead of updated in place");
    }

    [Fact]
    public async Task Rerun_AllowedUserReruns_AnotherUserIsRefused()
    {
        var original = await host.CreateJobAsync("rerun-job", pull: 41);

        // alice is in deck.rerun_auth_configs for acme/widgets: she logs in through GitHub and reruns.
        host.GitHub.OAuthUser = "alice";
        var alice = await host.NewPageAsync();
        await alice.GotoAsync($"/view/{original.Id}");
        await alice.GetByRole(AriaRole.Link, new() { Name = "Log in with GitHub" }).ClickAsync();
        await Expect(alice.GetByTestId("login")).ToHaveTextAsync("alice");
        await Expect(alice).ToHaveURLAsync(new Regex($"/view/{original.Id}$"));
        var rerun = alice.GetByRole(AriaRole.Button, new() { Name = "Rerun" });
        await Expect(rerun).ToBeEnabledAsync();
        await rerun.ClickAsync();
        await Expect(alice.GetByRole(AriaRole.Link, new() { Name = original.Id })).ToBeVisibleAsync();
        Assert.DoesNotContain(original.Id, alice.Url, StringComparison.Ordinal);

        // mallory is not: the button is disabled and says why, and a forced submit is refused.
        host.GitHub.OAuthUser = "mallory";
        var mallory = await host.NewPageAsync();
        await mallory.GotoAsync($"/github-login?dest=/view/{original.Id}");
        await Expect(mallory.GetByTestId("login")).ToHaveTextAsync("mallory");
        var refused = mallory.GetByRole(AriaRole.Button, new() { Name = "Rerun" });
        await Expect(refused).ToBeDisabledAsync();
        await Expect(mallory.GetByTestId("rerun-reason")).ToContainTextAsync("mallory is not allowed to rerun");
        await refused.EvaluateAsync("button => button.disabled = false");
        var response = await mallory.RunAndWaitForResponseAsync(() => refused.ClickAsync(), r => r.Url.Contains("/rerun?prowjob=", StringComparison.Ordinal));
        Assert.Equal(403, response.Status);
        Assert.Equal(1, (await host.Index.QueryAsync(new() { Job = "rerun-job", Limit = 10 }, CancellationToken.None)).Jobs.Count(j => j.Id != original.Id));
    }

    [Fact]
    public async Task Screenshots_JobsPullRequestAdminWithGrainState_AndPhoneWidth()
    {
        var job = await host.CreateJobAsync("screenshot-job", pull: 51, script: "echo all good");
        await host.WaitFinishedAsync(job.Id);
        await host.CreateJobAsync("screenshot-lint", pull: 51);

        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator($"tr[data-job-id='{job.Id}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "jobs.png"), FullPage = true });

        await page.GotoAsync("/pr/acme/widgets/51");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jobs of acme/widgets#51" })).ToBeVisibleAsync();
        await Expect(page.Locator("table.jobs tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "pull-request.png"), FullPage = true });

        await page.GotoAsync("/admin");
        await page.GetByLabel("Admin token").FillAsync(DeckHost.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the dashboard" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Grain types" })).ToContainTextAsync("prowjob");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "admin.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "prowjob", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = job.Id }).ClickAsync();
        await Expect(page.Locator("pre.state")).ToContainTextAsync("screenshot-job");

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/");
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Filter" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "jobs-phone.png"), FullPage = true });
        Assert.True(File.Exists(Path.Combine(DeckHost.ScreenshotFolder, "jobs.png")));
    }

    [Fact]
    public async Task TidePage_AtPhoneWidth_ShowsThePool_AndLinksToThePullRequestsJobs()
    {
        host.GitHub.Change(DeckHost.TideRepo, r =>
        {
            r.WithBranch("shots", "shotsbase1");
            r.AddPullRequest(51, "Rig the sails", "alice", "shotshead51", baseRef: "shots").Labels.Add("lgtm");
            r.AddIssue(52, "Storm freeze branch:shots", "maintainer").Labels.Add("merge-blocker");
        });
        await host.TideSync.SyncOnceAsync(CancellationToken.None);

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/");
        await phone.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Tide", Exact = true }).ClickAsync();
        var pool = phone.GetByRole(AriaRole.Article, new() { Name = $"{DeckHost.TideRepo}@shots" });
        await Expect(pool).ToContainTextAsync("BLOCKED");
        await Expect(pool.GetByRole(AriaRole.Link, new() { Name = "Blocking issue 52: Storm freeze branch:shots" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "tide-phone.png"), FullPage = true });

        await pool.GetByRole(AriaRole.Link, new() { Name = $"Jobs of {DeckHost.TideRepo} pull request 51" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = $"Jobs of {DeckHost.TideRepo}#51" })).ToBeVisibleAsync();

        var history = await host.NewPageAsync();
        await history.GotoAsync("/tide-history");
        await Expect(history.GetByRole(AriaRole.Table, new() { Name = "Tide's actions, newest first" })).ToBeVisibleAsync();
        await history.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "tide-history.png"), FullPage = true });
    }
}
