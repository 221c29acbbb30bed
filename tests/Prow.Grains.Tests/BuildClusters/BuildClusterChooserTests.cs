using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.BuildClusters;

namespace Prow.Grains.Tests.BuildClusters;

public sealed class BuildClusterChooserTests
{
    [Theory]
    [InlineData("a:4:3:0:up b:4:1:0:up", "b")]
    [InlineData("a:4:1:0:down b:4:3:0:up", "b")]
    [InlineData("a:2:1:0:up b:8:2:0:up", "b")]
    [InlineData("a:4:1:2:up b:4:2:0:up", "b")]
    [InlineData("a:4:0:0:down b:4:0:0:down", "a")]
    [InlineData("b:4:2:0:up a:4:2:0:up", "a")]
    public void Choose_PrefersAnsweringClusters_ThenTheLowestShareInUseOrQueued_ThenTheName(string members, string expected)
    {
        var views = members.Split(' ').Select(m => m.Split(':')).Select(p => (
            new BuildClusterView(p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), [.. Enumerable.Range(0, int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)).Select(i => $"r{i}")], [.. Enumerable.Range(0, int.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture)).Select(i => $"q{i}")]),
            p[4] == "up"));

        Assert.Equal(expected, BuildClusterChooser.Choose(views));
    }
}
