namespace Prow.Clients.GitHub;

internal sealed record InstallationToken
{
    public string Token { get; init; } = "";
    public DateTimeOffset ExpiresAt { get; init; }
}
