using Prow.Grains.Plugins.Override;

namespace Prow.Grains.Tests.Plugins;

public sealed class OverrideCommandTests
{
    [Theory]
    [InlineData("unit", "unit")]
    [InlineData("unit  e2e", "unit|e2e")]
    [InlineData("\"ci / unit tests\" lint", "ci / unit tests|lint")]
    [InlineData("\"\"", "")]
    public void Contexts_SplitOnSpaces_QuotesKeepSpaces(string arguments, string expected) =>
        Assert.Equal(expected, string.Join('|', OverrideCommand.Contexts(arguments)));

    [Fact]
    public void Description_NamesTheUserAndTheBaseSha()
    {
        var sha = new string('a', 40);

        Assert.Equal("Overridden by alice BaseSHA:" + sha, OverridePlugin.Description("alice", sha));
    }

    [Fact]
    public void Description_LongUser_IsShortenedToGitHubsLimit_KeepingTheSha()
    {
        var sha = new string('b', 40);
        var description = OverridePlugin.Description(new string('u', 200), sha);

        Assert.Equal(140, description.Length);
        Assert.EndsWith(" BaseSHA:" + sha, description, StringComparison.Ordinal);
    }
}
