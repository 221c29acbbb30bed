namespace Prow.Config.Components;

/// <summary>Which status contexts Tide requires (one level of <c>tide.context_options</c>).</summary>
public sealed record TideContextPolicy
{
    public IReadOnlyList<string> RequiredContexts { get; init; } = [];
    public IReadOnlyList<string> RequiredIfPresentContexts { get; init; } = [];
    public IReadOnlyList<string> OptionalContexts { get; init; } = [];
    public IReadOnlyList<string> OptionalRegexContexts { get; init; } = [];
    public bool? SkipUnknownContexts { get; init; }
    public bool? OverwritePendingContexts { get; init; }
    public bool? FromBranchProtection { get; init; }

    /// <summary>Deeper levels add contexts and override flags that they set.</summary>
    public TideContextPolicy Apply(TideContextPolicy child) => new()
    {
        RequiredContexts = RequiredContexts.Union(child.RequiredContexts, StringComparer.Ordinal).ToList(),
        RequiredIfPresentContexts = RequiredIfPresentContexts.Union(child.RequiredIfPresentContexts, StringComparer.Ordinal).ToList(),
        OptionalContexts = OptionalContexts.Union(child.OptionalContexts, StringComparer.Ordinal).ToList(),
        OptionalRegexContexts = OptionalRegexContexts.Union(child.OptionalRegexContexts, StringComparer.Ordinal).ToList(),
        SkipUnknownContexts = child.SkipUnknownContexts ?? SkipUnknownContexts,
        OverwritePendingContexts = child.OverwritePendingContexts ?? OverwritePendingContexts,
        FromBranchProtection = child.FromBranchProtection ?? FromBranchProtection,
    };
}
