using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class EtagCacheTests
{
    [Fact]
    public void Set_OverCapacity_EvictsLeastRecentlyUsed()
    {
        var cache = new EtagCache(2);
        cache.Set("a", Response("\"1\""));
        cache.Set("b", Response("\"2\""));
        cache.TryGet("a");

        cache.Set("c", Response("\"3\""));

        Assert.NotNull(cache.TryGet("a"));
        Assert.Null(cache.TryGet("b"));
        Assert.NotNull(cache.TryGet("c"));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Set_WithoutETag_IsNotCached()
    {
        var cache = new EtagCache(10);

        cache.Set("a", Response(null));

        Assert.Null(cache.TryGet("a"));
    }

    private static GitHubResponse Response(string? etag) => new(HttpStatusCode.OK, "{}"u8.ToArray(), etag, null);
}
