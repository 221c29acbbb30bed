namespace Prow.Clients.GitHub;

public sealed record RequiredStatusChecks
{
    /// <summary>Require the branch to be up to date before merging.</summary>
    public bool Strict { get; set; }
    public IReadOnlyList<string> Contexts { get; set; } = [];
}
