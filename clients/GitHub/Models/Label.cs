namespace Prow.Clients.GitHub;

public sealed record Label
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Color { get; init; }
    public string? Description { get; init; }
}
