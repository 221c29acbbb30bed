namespace Prow.Silo.Tests;

/// <summary>
/// Tests that run real jobs or real prow processes share this collection, so they take turns instead of competing
/// for the two cores with each other (they still run beside the light tests).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyTests
{
    public const string Name = "heavy: real processes";
}
