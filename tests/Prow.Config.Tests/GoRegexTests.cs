namespace Prow.Config.Tests;

public sealed class GoRegexTests
{
    [Theory]
    [InlineData(@"^release-(?P<v>\d+)$", "release-12", true)]
    [InlineData(@"^[[:digit:]]+$", "2024", true)]
    [InlineData(@"^[[:digit:]]+$", "d", false)]
    [InlineData(@"^v[[:alnum:]._-]+$", "v1.2_rc-1", true)]
    [InlineData(@"^[[:upper:]]", "abc", false)]
    public void Compile_GoSyntax_MatchesLikeRe2(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, GoRegex.Compile(pattern).IsMatch(input));
    }

    [Fact]
    public void TryCompile_Invalid_ReturnsError()
    {
        Assert.False(GoRegex.TryCompile("(unclosed", out var re, out var error));
        Assert.Null(re);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryCompile_SamePattern_ReusesCompiledRegex()
    {
        Assert.True(GoRegex.TryCompile("^same$", out var a, out _));
        Assert.True(GoRegex.TryCompile("^same$", out var b, out _));
        Assert.Same(a, b);
    }
}
