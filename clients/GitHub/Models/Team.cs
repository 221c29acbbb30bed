namespace Prow.Clients.GitHub;

public sealed record Team
{
    public long Id { get; set; }
    public string Slug { get; set; } = "";
    public string? Name { get; set; }
}
