namespace Prow.Clients.GitHub;

internal sealed record Installation
{
    public long Id { get; set; }
    public User? Account { get; set; }
}
