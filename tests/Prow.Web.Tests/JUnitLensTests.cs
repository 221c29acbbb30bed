using System.Text;
using System.Xml;
using Prow.Config;
using Prow.Web.Lenses;

namespace Prow.Web.Tests;

/// <summary>The junit lens's reading of real tools' JUnit files, and which lenses a job's artifacts select.</summary>
public sealed class JUnitLensTests
{
    [Fact]
    public async Task GoJUnitReport_FailedTestKeepsItsMessageAndOutput_PassedTestsKeepNone()
    {
        const string Xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="2" failures="1">
              <testsuite name="example.com/widgets" tests="2" failures="1" time="0.012">
                <properties><property name="go.version" value="go1.22.0"></property></properties>
                <testcase classname="widgets" name="TestTurn" time="0.010">
                  <failure message="Failed" type="">    widgets_test.go:12: expected 1, got 2</failure>
                </testcase>
                <testcase classname="widgets" name="TestSpin" time="0.002"></testcase>
              </testsuite>
            </testsuites>
            """;

        var tests = await ParseAsync(Xml);

        Assert.Equal(2, tests.Count);
        var failed = tests[0];
        Assert.Equal(("example.com/widgets", "widgets", "TestTurn", JUnitOutcome.Failed, "Failed"), (failed.Suite, failed.ClassName, failed.Name, failed.Outcome, failed.Message));
        Assert.Contains("widgets_test.go:12: expected 1, got 2", failed.Output, StringComparison.Ordinal);
        Assert.Equal((JUnitOutcome.Passed, (string?)null), (tests[1].Outcome, tests[1].Output));
    }

    [Fact]
    public async Task Pytest_SingleSuiteRoot_ErrorsCountAsFailures_SkipsKeepTheirReason()
    {
        const string Xml = """
            <?xml version="1.0" encoding="utf-8"?><testsuite name="pytest" errors="1" failures="0" skipped="1" tests="3" time="0.05">
            <testcase classname="tests.test_gears" name="test_mesh" time="0.001"><error message="failed on setup with &quot;fixture 'db' not found&quot;">fixture 'db' not found</error></testcase>
            <testcase classname="tests.test_gears" name="test_slip" time="0.000"><skipped type="pytest.skip" message="needs a gearbox">tests/test_gears.py:9: needs a gearbox</skipped></testcase>
            <testcase classname="tests.test_gears" name="test_turn" time="0.002"><system-out>turned</system-out></testcase>
            </testsuite>
            """;

        var tests = await ParseAsync(Xml);

        Assert.Equal([JUnitOutcome.Failed, JUnitOutcome.Skipped, JUnitOutcome.Passed], tests.Select(t => t.Outcome));
        Assert.Equal("failed on setup with \"fixture 'db' not found\"", tests[0].Message);
        Assert.Equal("needs a gearbox", tests[1].Message);
    }

    [Fact]
    public async Task GinkgoRetries_FailedThenPassed_IsOneFlakyTest_AlwaysFailed_IsFailed()
    {
        const string Xml = """
            <testsuites><testsuite name="e2e" tests="4">
              <testcase name="[sig-node] Pods should start" classname="Kubernetes e2e suite" status="failed" time="3.5"><failure message="timed out">pod never ran</failure><system-err>kubelet said no</system-err></testcase>
              <testcase name="[sig-node] Pods should start" classname="Kubernetes e2e suite" status="passed" time="2.5"></testcase>
              <testcase name="[sig-apps] Deployments roll" classname="Kubernetes e2e suite" status="failed" time="1"><failure message="rollout stuck"></failure></testcase>
              <testcase name="[sig-apps] Deployments roll" classname="Kubernetes e2e suite" status="failed" time="1"><failure message="rollout stuck again"></failure></testcase>
            </testsuite></testsuites>
            """;

        var tests = await ParseAsync(Xml);

        Assert.Equal(2, tests.Count);
        Assert.Equal((JUnitOutcome.Flaky, 6.0, "timed out"), (tests[0].Outcome, tests[0].Seconds, tests[0].Message));
        Assert.Contains("kubelet said no", tests[0].Output, StringComparison.Ordinal);
        Assert.Equal((JUnitOutcome.Failed, "rollout stuck"), (tests[1].Outcome, tests[1].Message));
    }

    [Fact]
    public async Task HugeFailureOutput_IsCut_AndBadXmlIsAnError()
    {
        var xml = $"<testsuite name=\"s\"><testcase name=\"t\"><failure message=\"m\">{new string('x', 1_000_000)}</failure></testcase></testsuite>";

        var test = Assert.Single(await ParseAsync(xml));

        Assert.Equal(JUnitFileReader.OutputMax, test.Output!.Length);
        await Assert.ThrowsAsync<XmlException>(() => ParseAsync("<testsuite><testcase name=\"t\">"));
    }

    [Fact]
    public void KubernetesLenses_SelectedByRequiredFiles_WithTheirOptionalFiles()
    {
        var loaded = ConfigLoader.Load(new ConfigPaths(Conformance.Path("kubernetes_test-infra/config.yaml")));
        var lenses = LensEntry.Read(loaded.Snapshot!.Prow.Deck.Spyglass.Lenses);
        ArtifactFile[] files =
        [
            new("artifacts/junit_01.xml", 10), new("artifacts/e2e/junit_runner.xml", 10), new("build-log.txt", 10),
            new("finished.json", 2), new("podinfo.json", 2), new("prowjob.json", 2), new("started.json", 2),
        ];

        var matched = LensMatch.For(lenses, files);

        Assert.Equal(["metadata", "buildlog", "junit", "podinfo"], matched.Select(m => m.Lens.Name));
        Assert.Equal(["artifacts/junit_01.xml", "artifacts/e2e/junit_runner.xml"], matched[2].Files.Select(f => f.Name));
        Assert.Equal(["finished.json", "podinfo.json", "prowjob.json", "started.json"], matched[0].Files.Select(f => f.Name));
        Assert.DoesNotContain(LensMatch.For(lenses, [.. files, new("artifacts/filtered.cov", 1)]), m => m.Lens.Name == "links");
        Assert.Contains(LensMatch.For(lenses, [.. files, new("artifacts/filtered.cov", 1)]), m => m.Lens.Name == "coverage");
    }

    private static async Task<IReadOnlyList<JUnitTest>> ParseAsync(string xml)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(xml.TrimStart()));
        return await JUnitFileReader.ParseAsync(input, "artifacts/junit.xml", CancellationToken.None);
    }
}
