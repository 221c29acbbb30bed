namespace Prow.Grains.Plugins.Dog;

/// <summary>Where dog pictures come from.</summary>
public interface IDogImageSource
{
    /// <summary>A dog picture's URL (jpg, gif or png).</summary>
    Task<Uri> NextAsync(CancellationToken cancellationToken);
}
