using Prow.Grains.Webhooks;

namespace Prow.Grains.Tests;

public sealed class DeliveryLogTests
{
    [Fact]
    public void With_RemembersRecentIdsUpToCapacity_AndCountsAll()
    {
        var log = new DeliveryLog();
        for (var i = 0; i < DeliveryLog.Capacity + 10; i++)
        {
            log = log.With($"d{i}");
        }

        Assert.Equal(DeliveryLog.Capacity + 10, log.Count);
        Assert.Equal(DeliveryLog.Capacity, log.Recent.Count);
        Assert.False(log.Contains("d0"));
        Assert.True(log.Contains($"d{DeliveryLog.Capacity + 9}"));
    }
}
