namespace Prow.Grains.Plugins.Goose;

/// <summary>A few geese kept here, so /honk answers with no unsplash.com key and when unsplash.com cannot be reached.</summary>
public sealed class BuiltInGeese : IGooseImageSource
{
    private static readonly Uri[] s_geese =
    [
        new("https://upload.wikimedia.org/wikipedia/commons/3/34/Anser_anser_1_%28Piotr_Kuczynski%29.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/4/40/Canada_goose_on_Seedskadee_NWR_%2827826185489%29.jpg"),
    ];

    private int _next;

    public Task<Uri> NextAsync(CancellationToken cancellationToken) =>
        Task.FromResult(s_geese[(int)((uint)Interlocked.Increment(ref _next) % s_geese.Length)]);
}
