namespace Prow.Clients.GitHub;

public sealed record Team
{
    public long Id { get; init; }
    public string Slug { get; init; } = "";
    public string? Name { get; init; }
}
