namespace Prow.Clients.GitHub;

internal sealed record Installation
{
    public long Id { get; init; }
    public User? Account { get; init; }
}
