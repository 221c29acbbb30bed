namespace Prow.Grains.Plugins.Pony;

/// <summary>Where pony pictures come from.</summary>
public interface IPonySource
{
    /// <summary>A pony matching <paramref name="tags"/> (any pony when empty), or null when none matches.</summary>
    Task<PonyImage?> FindAsync(string tags, CancellationToken cancellationToken);
}
