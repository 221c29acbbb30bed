using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Tests;

public sealed class CommandsTests
{
    private static readonly Regex s_hold = new(@"(?mi)^/hold\s*$");

    [Theory]
    [InlineData("/hold", true)]
    [InlineData("/HOLD", true)]
    [InlineData("looks fine\n/hold\nthanks", true)]
    [InlineData("looks fine\r\n/hold\r\n", true)]
    [InlineData("> /hold", false)]
    [InlineData("  > /hold", false)]
    [InlineData("please /hold", false)]
    [InlineData("/holdings", false)]
    public void Has_FindsCommandsAtLineStart_IgnoringQuotes(string body, bool expected)
    {
        Assert.Equal(expected, Commands.Has(s_hold, body));
    }

    [Fact]
    public void Find_ReturnsEveryMatch()
    {
        var matches = Commands.Find(new Regex(@"(?mi)^/test (\S+)$"), "/test a\n> /test b\n/test c");

        Assert.Equal(["a", "c"], matches.Select(m => m.Groups[1].Value));
    }
}
