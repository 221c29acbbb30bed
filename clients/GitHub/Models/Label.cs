namespace Prow.Clients.GitHub;

public sealed record Label
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string? Color { get; set; }
    public string? Description { get; set; }
}
