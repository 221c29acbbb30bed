namespace Prow.Grains.Plugins.Dog;

/// <summary>A few dog pictures kept here, so /woof answers when random.dog cannot be reached.</summary>
public sealed class BuiltInDogImages : IDogImageSource
{
    private static readonly Uri[] s_dogs =
    [
        new("https://upload.wikimedia.org/wikipedia/commons/d/d9/Collage_of_Nine_Dogs.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/6/6e/Golde33443.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/2/26/YellowLabradorLooking_new.jpg"),
    ];

    private int _next;

    public Task<Uri> NextAsync(CancellationToken cancellationToken) =>
        Task.FromResult(s_dogs[(int)((uint)Interlocked.Increment(ref _next) % s_dogs.Length)]);
}
