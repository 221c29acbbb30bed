namespace Prow.Web.Tests;

/// <summary>The deck tests share one host and one browser (starting Chromium per test would dominate CI time).</summary>
[CollectionDefinition(Name)]
public sealed class SharedDeck : ICollectionFixture<DeckHost>
{
    public const string Name = "deck";
}
