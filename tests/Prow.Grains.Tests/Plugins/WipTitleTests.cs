using Prow.Grains.Plugins.Wip;

namespace Prow.Grains.Tests.Plugins;

public sealed class WipTitleTests
{
    [Theory]
    [InlineData("WIP: add a thing", false, true)]
    [InlineData("[WIP] add a thing", false, true)]
    [InlineData("wip add a thing", false, true)]
    [InlineData("Add a thing", true, true)]
    [InlineData("Add a thing", false, false)]
    [InlineData("WIPE the cache", false, false)]
    [InlineData("Fix WIP handling", false, false)]
    public void IsWorkInProgress_DraftOrTitleStartingWithWip(string title, bool draft, bool expected) =>
        Assert.Equal(expected, WipPlugin.IsWorkInProgress(title, draft));
}
