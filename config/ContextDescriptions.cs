namespace Prow.Config;

/// <summary>Marks Prow puts in a status context's description that tide reads back.</summary>
public static class ContextDescriptions
{
    /// <summary>
    /// Prow's skip-retest mark (<c>/override-sticky</c>): tide treats the passing context as passing for the current head
    /// commit even after the base branch moved, instead of testing it again.
    /// </summary>
    public const string SkipRetestSentinel = "[prow:skip-retest]";

    public static bool IsSkipRetest(string? description) => description?.Contains(SkipRetestSentinel, StringComparison.Ordinal) == true;
}
