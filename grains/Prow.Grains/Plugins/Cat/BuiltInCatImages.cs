namespace Prow.Grains.Plugins.Cat;

/// <summary>A small fixed set of cat pictures, so /meow works with no API key and no network.</summary>
public sealed class BuiltInCatImages : ICatImageSource
{
    private static readonly Uri[] s_still =
    [
        new("https://upload.wikimedia.org/wikipedia/commons/3/3a/Cat03.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/b/bc/Juvenile_Ragdoll.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/4/4d/Cat_November_2010-1a.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/6/68/Orange_tabby_cat_sitting_on_fallen_leaves-Hisashi-01A.jpg"),
    ];

    private static readonly Uri[] s_animated =
    [
        new("https://upload.wikimedia.org/wikipedia/commons/d/dc/Cat_kneading.gif"),
        new("https://upload.wikimedia.org/wikipedia/commons/0/0b/Cat_poster_1.gif"),
    ];

    private int _next;

    public Task<Uri> NextAsync(bool animated, CancellationToken cancellationToken)
    {
        var set = animated ? s_animated : s_still;
        return Task.FromResult(set[(int)((uint)Interlocked.Increment(ref _next) % set.Length)]);
    }
}
