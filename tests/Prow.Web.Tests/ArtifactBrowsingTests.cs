using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Prow.Web.Tests;

/// <summary>A job's artifacts through <c>/artifact</c> (folders listed, files streamed by range) and the buildlog lens in Chromium.</summary>
[Collection(SharedDeck.Name)]
public sealed partial class ArtifactBrowsingTests(DeckHost host)
{
    private const string JUnit = """<testsuite name="demo" tests="2" failures="1"><testcase name="TestWidget" classname="widgets"><failure message="widget broke">expected 1, got 2</failure></testcase><testcase name="TestGadget" classname="widgets"/></testsuite>""";

    [GeneratedRegex("^bytes 0-9/\\d+$")]
    private static partial Regex FirstTenBytes();

    [Fact]
    public async Task Artifact_FolderIsListedWithSizes_FilesStreamWholeOrByRange_AndNothingOutsideTheBuildIsServed()
    {
        var job = await host.CreateJobAsync("artifact-job", pull: 81, script: $"mkdir -p \"$ARTIFACTS\" && printf '%s' '{JUnit}' > \"$ARTIFACTS/junit_demo.xml\"; echo done");
        await host.WaitFinishedAsync(job.Id);

        using var folder = await host.Http.GetAsync($"/artifact?prowjob={job.Id}&name=artifacts");
        Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
        var listing = await folder.Content.ReadAsStringAsync();
        Assert.Contains($"name=artifacts%2Fjunit_demo.xml\">junit_demo.xml</a></td><td>{JUnit.Length} B</td>", listing, StringComparison.Ordinal);

        using var file = await host.Http.GetAsync($"/artifact?prowjob={job.Id}&name=artifacts/junit_demo.xml");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/xml", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(JUnit, await file.Content.ReadAsStringAsync());
        Assert.Contains("bytes", file.Headers.AcceptRanges);

        using var first = new HttpRequestMessage(HttpMethod.Get, $"/artifact?prowjob={job.Id}&name=artifacts/junit_demo.xml");
        first.Headers.Range = new RangeHeaderValue(0, 9);
        using var part = await host.Http.SendAsync(first);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(JUnit[..10], await part.Content.ReadAsStringAsync());
        Assert.Matches(FirstTenBytes(), part.Content.Headers.ContentRange?.ToString());

        using var last = new HttpRequestMessage(HttpMethod.Get, $"/artifact?prowjob={job.Id}&name=build-log.txt");
        last.Headers.Range = new RangeHeaderValue(null, 5);
        using var end = await host.Http.SendAsync(last);
        Assert.Equal(HttpStatusCode.PartialContent, end.StatusCode);
        Assert.Equal("done\n", await end.Content.ReadAsStringAsync());

        foreach (var outside in (string[])["../../../../../prow.db", "artifacts/../../x", "/etc/passwd", "nothing-here"])
        {
            using var refused = await host.Http.GetAsync($"/artifact?prowjob={job.Id}&name={Uri.EscapeDataString(outside)}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
    }

    [Fact]
    public async Task JobView_LongLog_ShowsHeadTailAndTheErrorsWindow_AndSkippedLinesExpandInPlace()
    {
        var job = await host.CreateJobAsync("long-log-job", pull: 82, script: "i=1; while [ $i -le 300 ]; do if [ $i -eq 150 ]; then echo 'ERROR: gear slipped'; else echo \"step $i\"; fi; i=$((i+1)); done");
        await host.WaitFinishedAsync(job.Id);
        var page = await host.NewPageAsync();

        await page.GotoAsync($"/view/{job.Id}");
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        var log = page.GetByRole(AriaRole.Log, new() { Name = "Build log" });
        await Expect(log.Locator("#L150.error")).ToContainTextAsync("ERROR: gear slipped");
        await Expect(log.Locator("#L20")).ToContainTextAsync("step 20");
        await Expect(log.Locator("#L300")).ToContainTextAsync("step 300");
        await Expect(log.Locator("#L100")).ToHaveCountAsync(0);
        await Expect(log.Locator(".skipped")).ToHaveCountAsync(2);

        await log.GetByRole(AriaRole.Link, new() { Name = "124 skipped lines: show" }).ClickAsync();

        await Expect(log.Locator("#L100")).ToContainTextAsync("step 100");
        await Expect(log.Locator(".skipped")).ToHaveCountAsync(1);
        await log.GetByRole(AriaRole.Link, new() { Name = "Show 20 more lines below" }).ClickAsync();
        await Expect(log.Locator("#L175")).ToContainTextAsync("step 175");
        await Expect(log.Locator("#L176")).ToHaveCountAsync(0);
        Assert.Equal(
            Enumerable.Range(1, 175).Concat(Enumerable.Range(201, 100)).Select(n => $"L{n}"),
            await log.Locator(".line").EvaluateAllAsync<string[]>("lines => lines.map(l => l.id)"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), "the page was reloaded instead of updated in place");
    }

    [Fact]
    public async Task JobView_JUnitLens_ShowsTheFailureFirstWithItsOutput_PassedTestsFolded_AndTheArtifactTreeWithSizes()
    {
        var job = await host.CreateJobAsync("junit-job", pull: 83, script: $"mkdir -p \"$ARTIFACTS\" && printf '%s' '{JUnit}' > \"$ARTIFACTS/junit_demo.xml\"; echo 'ERROR: TestWidget failed'; exit 1");
        await host.WaitFinishedAsync(job.Id);
        var page = await host.NewPageAsync();

        await page.GotoAsync($"/view/{job.Id}");

        var junit = page.GetByRole(AriaRole.Region, new() { Name = "JUnit" });
        await Expect(junit.GetByTestId("junit-counts")).ToHaveTextAsync("2 tests: 1 failed, 0 flaky, 1 passed, 0 skipped");
        var failed = junit.GetByRole(AriaRole.List, new() { Name = "Failed tests" });
        await Expect(failed.Locator("summary")).ToContainTextAsync("widgets TestWidget");
        await Expect(failed.Locator(".message")).ToHaveTextAsync("widget broke");
        await Expect(failed.Locator("pre.output")).ToBeVisibleAsync();
        await Expect(failed.Locator("pre.output")).ToContainTextAsync("expected 1, got 2");
        var passed = junit.Locator("details.passed");
        await Expect(passed.Locator("summary")).ToHaveTextAsync("1 passed test");
        await Expect(passed.GetByText("widgets TestGadget")).ToBeHiddenAsync();
        await passed.Locator("summary").ClickAsync();
        await Expect(passed.GetByText("widgets TestGadget")).ToBeVisibleAsync();

        var artifacts = page.GetByRole(AriaRole.Table, new() { Name = "Artifacts" });
        await Expect(artifacts.GetByRole(AriaRole.Row, new() { Name = $"artifacts/junit_demo.xml {JUnit.Length} B" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DeckHost.ScreenshotFolder, "junit-lens.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Browse artifacts/" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "junit_demo.xml" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("widget broke");
    }

    [Fact]
    public async Task JobView_UnknownId_IsTheSitesNotFoundPage_With404()
    {
        var page = await host.NewPageAsync();

        var response = await page.GotoAsync("/view/no-such-job-anywhere");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("not-found")).ToHaveTextAsync("There is no ProwJob no-such-job-anywhere (it may have been cleaned up).");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
    }
}
