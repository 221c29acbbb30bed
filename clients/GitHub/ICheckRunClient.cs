namespace Prow.Clients.GitHub;

/// <summary>GitHub's Checks API: only a GitHub App may write check runs (a token's writes are refused with 403).</summary>
public interface ICheckRunClient
{
    /// <summary>True when the client authenticates as a GitHub App, the only way GitHub takes check runs.</summary>
    bool AuthenticatesAsApp { get; }

    /// <summary>Every check run of a commit named <paramref name="name"/>, older ones too (GitHub's <c>filter=all</c>).</summary>
    Task<IReadOnlyList<CheckRun>> ListCheckRunsNamedAsync(string owner, string repo, string sha, string name, CancellationToken cancellationToken);

    Task<CheckRun> CreateCheckRunAsync(string owner, string repo, CheckRunBody checkRun, CancellationToken cancellationToken);

    /// <summary>Updates a check run; the output's annotations are added to those it has (GitHub takes at most 50 a request).</summary>
    Task<CheckRun> UpdateCheckRunAsync(string owner, string repo, long id, CheckRunBody update, CancellationToken cancellationToken);
}
