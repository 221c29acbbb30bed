namespace Prow.Grains.Plugins.Goose;

/// <summary>Where goose pictures come from.</summary>
public interface IGooseImageSource
{
    Task<Uri> NextAsync(CancellationToken cancellationToken);
}
