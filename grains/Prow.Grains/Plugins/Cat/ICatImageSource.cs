namespace Prow.Grains.Plugins.Cat;

/// <summary>Where cat pictures come from.</summary>
public interface ICatImageSource
{
    /// <summary>An image URL; <paramref name="animated"/> asks for a gif (/meowvie).</summary>
    Task<Uri> NextAsync(bool animated, CancellationToken cancellationToken);
}
