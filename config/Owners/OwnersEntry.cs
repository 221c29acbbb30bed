namespace Prow.Config.Owners;

/// <summary>The people and labels of one OWNERS file, or of one filter inside it.</summary>
public sealed record OwnersEntry
{
    public IReadOnlyList<string> Approvers { get; init; } = [];
    public IReadOnlyList<string> Reviewers { get; init; } = [];
    public IReadOnlyList<string> RequiredReviewers { get; init; } = [];
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> EmeritusApprovers { get; init; } = [];
}
