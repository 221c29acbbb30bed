namespace Prow.Clients.GitHub;

internal sealed record InstallationToken
{
    public string Token { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
