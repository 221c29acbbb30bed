using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

public sealed class EtagCacheTests
{
    [Fact]
    public void Set_OverByteBudget_EvictsLeastRecentlyUsed()
    {
        var cache = new EtagCache(2000); // room for two 700-byte entries, not three
        cache.Set("a", Response("\"1\"", 700));
        cache.Set("b", Response("\"2\"", 700));
        cache.TryGet("a");

        cache.Set("c", Response("\"3\"", 700));

        Assert.NotNull(cache.TryGet("a"));
        Assert.Null(cache.TryGet("b"));
        Assert.NotNull(cache.TryGet("c"));
        Assert.Equal(2, cache.Count);
        Assert.InRange(cache.Bytes, 1400, 2000);
    }

    [Fact]
    public void Set_SameKeyAgain_ReplacesWithoutDoubleCounting()
    {
        var cache = new EtagCache(10_000);
        cache.Set("a", Response("\"1\"", 1000));
        var once = cache.Bytes;

        cache.Set("a", Response("\"2\"", 1000));

        Assert.Equal(once, cache.Bytes);
        Assert.Equal("\"2\"", cache.TryGet("a")!.ETag);
    }

    [Fact]
    public void Set_LargerThanBudgetOrWithoutETag_IsNotCached()
    {
        var cache = new EtagCache(1000);

        cache.Set("big", Response("\"1\"", 5000));
        cache.Set("plain", Response(null, 10));

        Assert.Equal(0, cache.Count);
    }

    private static GitHubResponse Response(string? etag, int size) => new(HttpStatusCode.OK, new byte[size], etag, null);
}
