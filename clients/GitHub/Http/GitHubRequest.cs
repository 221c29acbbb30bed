namespace Prow.Clients.GitHub;

internal sealed record GitHubRequest(HttpMethod Method, GitHubRoute Route)
{
    public const string DefaultAccept = "application/vnd.github+json";

    public byte[]? Body { get; init; }

    /// <summary>Overrides the authorizer (App JWT calls); null means "ask the authorizer".</summary>
    public string? Authorization { get; init; }

    public string Accept { get; init; } = DefaultAccept;

    /// <summary>Sent even in dry-run: minting an installation token changes nothing on GitHub.</summary>
    public bool SendInDryRun { get; init; }

    public bool IsRead => Method == HttpMethod.Get || Method == HttpMethod.Head;
}
