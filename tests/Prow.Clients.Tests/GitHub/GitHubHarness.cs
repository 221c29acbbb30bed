using Prow.Clients.GitHub;
using Prow.FakeGitHub;
using Prow.TestKit.Time;

namespace Prow.Clients.Tests.GitHub;

/// <summary>A fake GitHub on loopback and a production client pointed at it, sharing one test clock.</summary>
internal sealed class GitHubHarness : IAsyncDisposable
{
    public const string Repo = "org/repo";

    private GitHubHarness(FakeGitHubServer server, AutoAdvanceTimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public FakeGitHubServer Server { get; }

    public AutoAdvanceTimeProvider Clock { get; }

    public GitHubClient Client { get; private set; } = null!;

    public FakeRepo FakeRepo => Server.State.Repo(Repo);

    public static async Task<GitHubHarness> StartAsync(Action<GitHubClientOptions>? configure = null)
    {
        var clock = new AutoAdvanceTimeProvider();
        var server = await FakeGitHubServer.StartAsync(clock);
        server.State.AddRepo(Repo).WithBranch("main", "base0001");
        var harness = new GitHubHarness(server, clock);
        harness.Client = harness.CreateClient(configure);
        return harness;
    }

    public GitHubClient CreateClient(Action<GitHubClientOptions>? configure = null)
    {
        var options = new GitHubClientOptions { Token = "test-token" };
        options.Endpoints.Add(Server.BaseAddress);

        // Small backoffs keep retries visible in Clock.Delays without any real waiting.
        options.Throttle.InitialBackoff = TimeSpan.FromMilliseconds(100);
        configure?.Invoke(options);
        return new GitHubClient(options, time: Clock);
    }

    /// <summary>Replaces the default client (already disposed by the caller) with one configured differently.</summary>
    public GitHubHarness WithClient(GitHubClient client)
    {
        Client = client;
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
