namespace Prow.Grains.Plugins.Yuks;

/// <summary>Where jokes come from.</summary>
public interface IJokeSource
{
    /// <summary>One joke, as plain text.</summary>
    Task<string> NextAsync(CancellationToken cancellationToken);
}
