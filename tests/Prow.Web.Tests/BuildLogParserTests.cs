using Prow.Web.Logs;

namespace Prow.Web.Tests;

public sealed class BuildLogParserTests
{
    [Fact]
    public void Parse_AnsiColours_BecomeClasses_AndCarryToTheNextLine()
    {
        var lines = BuildLogParser.Parse("plain \u001b[1;31mred bold\n still red\u001b[0m back\r\n");

        Assert.Equal(2, lines.Count);
        Assert.Equal([new LogSegment("plain ", null), new LogSegment("red bold", "ansi-fg-1 ansi-bold")], lines[0].Segments);
        Assert.Equal([new LogSegment(" still red", "ansi-fg-1 ansi-bold"), new LogSegment(" back", null)], lines[1].Segments);
        Assert.Equal([1, 2], lines.Select(l => l.Number));
    }

    [Fact]
    public void Parse_BrightColoursAndUnknownEscapes_AreHandled()
    {
        var line = Assert.Single(BuildLogParser.Parse("\u001b[2K\u001b[92mok\u001b[39m done"));

        Assert.Equal([new LogSegment("ok", "ansi-fg-10"), new LogSegment(" done", null)], line.Segments);
    }

    [Theory]
    [InlineData("ERROR: widget broke", true)]
    [InlineData("--- FAIL: TestWidget (0.01s)", true)]
    [InlineData("panic: runtime error", true)]
    [InlineData("E0101 12:00:00.000] something", true)]
    [InlineData("error: lower case is not in Prow's default", false)]
    [InlineData("context deadline: timed out waiting", true)]
    [InlineData("all 12 tests passed, 0 errors", false)]
    [InlineData("compiling errorhandling.go", false)]
    [InlineData("ok  widgets 0.2s", false)]
    public void Parse_MarksLinesProwsDefaultPatternMatches(string text, bool highlighted) =>
        Assert.Equal(highlighted, Assert.Single(BuildLogParser.Parse(text)).Highlighted);

    [Fact]
    public void Parse_EmptyLinesKeepTheirNumbers()
    {
        var lines = BuildLogParser.Parse("a\n\nb\n");

        Assert.Equal(3, lines.Count);
        Assert.Equal("", Assert.Single(lines[1].Segments).Text);
    }
}
