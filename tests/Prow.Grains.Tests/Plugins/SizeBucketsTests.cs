using Prow.Config.Plugins;
using Prow.Grains.Plugins.Size;

namespace Prow.Grains.Tests.Plugins;

public sealed class SizeBucketsTests
{
    [Theory]
    [InlineData(0, "size/XS")]
    [InlineData(9, "size/XS")]
    [InlineData(10, "size/S")]
    [InlineData(29, "size/S")]
    [InlineData(30, "size/M")]
    [InlineData(99, "size/M")]
    [InlineData(100, "size/L")]
    [InlineData(499, "size/L")]
    [InlineData(500, "size/XL")]
    [InlineData(999, "size/XL")]
    [InlineData(1000, "size/XXL")]
    [InlineData(250000, "size/XXL")]
    public void LabelFor_DefaultThresholds_AreProwsBoundaries(int lines, string expected) =>
        Assert.Equal(expected, SizeBuckets.LabelFor(lines, new SizeConfig()));

    [Theory]
    [InlineData(1, "size/XS")]
    [InlineData(2, "size/S")]
    [InlineData(3, "size/M")]
    [InlineData(4, "size/L")]
    [InlineData(5, "size/XL")]
    [InlineData(6, "size/XXL")]
    public void LabelFor_ConfiguredThresholds_AreUsed(int lines, string expected) =>
        Assert.Equal(expected, SizeBuckets.LabelFor(lines, new SizeConfig(S: 2, M: 3, L: 4, Xl: 5, Xxl: 6)));
}
