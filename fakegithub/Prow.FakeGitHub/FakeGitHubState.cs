namespace Prow.FakeGitHub;

/// <summary>The fake's in-memory GitHub. Handlers take <see cref="Sync"/>; so do the server's read helpers.</summary>
public sealed class FakeGitHubState
{
    private readonly Dictionary<string, FakeRepo> _repos = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeOrg> _orgs = new(StringComparer.OrdinalIgnoreCase);
    private long _nextId = 1000;

    internal Lock Sync { get; } = new();

    /// <summary>The login <c>/user</c> answers with; comments and statuses are authored by it.</summary>
    public string BotLogin { get; set; } = "prow-bot";

    /// <summary>The App slug <c>/app</c> answers with.</summary>
    public string AppSlug { get; set; } = "prow-app";

    public FakeRepo AddRepo(string fullName, string defaultBranch = "main")
    {
        var parts = fullName.Split('/');
        lock (Sync)
        {
            var repo = new FakeRepo(parts[0], parts[1], defaultBranch) { Id = NextId() };
            _repos[fullName] = repo;
            Org(parts[0]);
            return repo;
        }
    }

    public FakeRepo Repo(string fullName) =>
        TryRepo(fullName) ?? throw new KeyNotFoundException($"The fake has no repo {fullName}; seed it with AddRepo.");

    public FakeOrg Org(string login)
    {
        lock (Sync)
        {
            if (!_orgs.TryGetValue(login, out var org))
            {
                _orgs[login] = org = new FakeOrg(login);
            }

            return org;
        }
    }

    internal FakeRepo? TryRepo(string fullName)
    {
        lock (Sync)
        {
            return _repos.GetValueOrDefault(fullName);
        }
    }

    internal FakeOrg? TryOrg(string login)
    {
        lock (Sync)
        {
            return _orgs.GetValueOrDefault(login);
        }
    }

    internal IReadOnlyList<FakeOrg> AllOrgs()
    {
        lock (Sync)
        {
            return [.. _orgs.Values];
        }
    }

    internal IReadOnlyList<FakeRepo> AllRepos()
    {
        lock (Sync)
        {
            return [.. _repos.Values];
        }
    }

    internal long NextId() => Interlocked.Increment(ref _nextId);
}
