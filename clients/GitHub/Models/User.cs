namespace Prow.Clients.GitHub;

public sealed record User
{
    public string Login { get; set; } = "";
    public long Id { get; set; }
    public string? Type { get; set; }
    public string? Name { get; set; }
}
