namespace Prow.Clients.GitHub;

public sealed record User
{
    public string Login { get; init; } = "";
    public long Id { get; init; }
    public string? Type { get; init; }
    public string? Name { get; init; }
}
