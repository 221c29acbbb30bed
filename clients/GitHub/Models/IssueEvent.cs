namespace Prow.Clients.GitHub;

/// <summary>One entry of an issue's event log (labeled, unlabeled, assigned, closed...), with who did it.</summary>
public sealed record IssueEvent
{
    public long Id { get; set; }

    /// <summary>labeled, unlabeled, assigned, closed, ...</summary>
    public string Event { get; set; } = "";
    public User Actor { get; set; } = new();

    /// <summary>The label, for labeled and unlabeled.</summary>
    public Label? Label { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
}
