namespace Prow.Grains.Plugins.Pony;

/// <summary>A pony kept here, so an untagged /pony answers when theponyapi.com cannot be reached; it matches no tags.</summary>
public sealed class BuiltInPonies : IPonySource
{
    private static readonly PonyImage s_pony = new(
        new("https://upload.wikimedia.org/wikipedia/commons/6/6a/Shetland_Pony_on_Belstone_Common,_Dartmoor.jpg"),
        new("https://upload.wikimedia.org/wikipedia/commons/6/6a/Shetland_Pony_on_Belstone_Common,_Dartmoor.jpg"));

    public Task<PonyImage?> FindAsync(string tags, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(tags) ? s_pony : null);
}
