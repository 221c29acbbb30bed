using Prow.Grains.BuildClusters.Local;

namespace Prow.Grains.Tests.BuildClusters;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(7_200_000, "2h")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(600_000, "10m")]
    [InlineData(90_000, "1m30s")]
    [InlineData(1_000, "1s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(500, "500ms")]
    public void Format_Duration_WrittenLikeProwConfig(int milliseconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
