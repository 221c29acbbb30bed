namespace Prow.Grains.Plugins.Pony;

/// <summary>A pony picture: the small one shown in the comment, linking to the full one.</summary>
public sealed record PonyImage(Uri Small, Uri Full);
