namespace Prow.Clients.GitHub;

public sealed record Milestone
{
    public int Number { get; set; }
    public string Title { get; set; } = "";
}
