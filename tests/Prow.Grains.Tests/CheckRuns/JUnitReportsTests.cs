using System.Text;
using Prow.Grains.CheckRuns;

namespace Prow.Grains.Tests.CheckRuns;

public sealed class JUnitReportsTests
{
    [Fact]
    public void Failures_FromTestcaseFileAndLine_FromTheMessage_OrNeither()
    {
        var failures = JUnitReports.Failures("artifacts/junit.xml", Encoding.UTF8.GetBytes("""
            <testsuite name="s">
              <testcase classname="a.b" name="placed" file="a/b_test.py" line="9"><failure message="no">trace</failure></testcase>
              <testcase name="go"><failure>    math_test.go:12: 1+1 = 3
            more</failure></testcase>
              <testcase name="bare"><error message="panic"/></testcase>
              <testcase name="passes"/>
              <testcase name="skipped"><skipped/></testcase>
            </testsuite>
            """));

        Assert.Equal(
            [
                new JUnitFailure("artifacts/junit.xml", "a.b.placed", "no", "trace", "a/b_test.py", 9),
                new JUnitFailure("artifacts/junit.xml", "go", "math_test.go:12: 1+1 = 3", "math_test.go:12: 1+1 = 3\nmore", "math_test.go", 12),
                new JUnitFailure("artifacts/junit.xml", "bare", "panic", null, null, null),
            ],
            failures);
    }

    [Fact]
    public void Failures_InNestedTestsuites_AreAllFound()
    {
        var failures = JUnitReports.Failures("r.xml", Encoding.UTF8.GetBytes("<testsuites><testsuite><testcase name=\"x\"><failure/></testcase></testsuite><testsuite><testcase name=\"y\"><failure message=\"m\"/></testcase></testsuite></testsuites>"));

        Assert.Equal(["x", "y"], failures.Select(f => f.Test));
        Assert.Equal("failed", failures[0].Message);
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\"><failure/></testcase></testsuite>")]
    public void Failures_OfAReportThatIsNotPlainXml_AreNone(string content) =>
        Assert.Empty(JUnitReports.Failures("r.xml", Encoding.UTF8.GetBytes(content)));

    [Theory]
    [InlineData("junit.xml", true)]
    [InlineData("junit_unit_01.xml", true)]
    [InlineData("report.xml", false)]
    [InlineData("junit.json", false)]
    public void ReportName_IsProwsJunitLensPattern(string name, bool matches) =>
        Assert.Equal(matches, JUnitReports.ReportName().IsMatch(name));
}
