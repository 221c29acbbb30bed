using System.Net;
using System.Net.Sockets;
using Prow.Clients.GitHub;

namespace Prow.Clients.Tests.GitHub;

/// <summary>
/// With GitHub unreachable a call spends a bounded time on retries, and once GitHub is known to be down calls fail at
/// once, with one probe an interval, instead of each paying its own timeouts on the event path.
/// </summary>
public sealed class OutageTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task ServerError_Persistent_StopsRetryingWhenTheRetryTimeIsSpent()
    {
        await using var h = await GitHubHarness.StartAsync(o =>
        {
            o.Throttle.MaxRetries = 20;
            o.Throttle.InitialBackoff = TimeSpan.FromSeconds(1);
            o.Throttle.MaxRetryTime = TimeSpan.FromSeconds(5);
        });
        h.Server.FailNext(100, 502, "Bad Gateway");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => h.Client.GetRepositoryAsync("org", "repo", s_none));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.True(h.Clock.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b) <= TimeSpan.FromSeconds(5), string.Join(", ", h.Clock.Delays));
        Assert.InRange(h.Server.Calls.Count, 2, 4);
    }

    [Fact]
    public async Task Unreachable_AfterTheThreshold_CallsFailAtOnce_AndOneProbesEachInterval()
    {
        await using var h = await GitHubHarness.StartAsync();
        using var dead = new HangingUp();
        using var client = new GitHubClient(
            new GitHubClientOptions { Endpoints = { dead.Address }, Throttle = { MaxRetries = 0, OutageThreshold = 3, OutageProbeInterval = TimeSpan.FromSeconds(15) } },
            time: h.Clock);

        for (var i = 1; i <= 3; i++)
        {
            var failed = await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync("org", "repo", s_none));
            Assert.IsType<HttpRequestException>(failed.InnerException);
            Assert.Equal(i, dead.Connections);
        }

        var refused = await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync("org", "repo", s_none));
        Assert.Contains("GitHub is unreachable (3 attempts in a row failed)", refused.Message, StringComparison.Ordinal);
        Assert.Null(refused.StatusCode);
        Assert.Equal(3, dead.Connections);

        h.Clock.Advance(TimeSpan.FromSeconds(15));
        await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync("org", "repo", s_none));
        Assert.Equal(4, dead.Connections);
        await Assert.ThrowsAsync<GitHubApiException>(() => client.GetRepositoryAsync("org", "repo", s_none));
        Assert.Equal(4, dead.Connections);
    }

    [Fact]
    public void AnyAnswer_EndsTheOutage()
    {
        var outage = new GitHubOutage(new GitHubThrottleOptions { OutageThreshold = 2 }, TimeProvider.System);
        outage.Unreachable();
        Assert.Null(outage.Refusal());
        outage.Unreachable();
        Assert.NotNull(outage.Refusal());

        outage.Answered();

        Assert.Null(outage.Refusal());
        Assert.Null(outage.Refusal());
    }

    /// <summary>A loopback port that accepts each connection and closes it at once, counting them.</summary>
    private sealed class HangingUp : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private int _connections;

        public HangingUp()
        {
            _listener.Start();
            Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
            _ = AcceptAsync();
        }

        public Uri Address { get; }

        public int Connections => Volatile.Read(ref _connections);

        public void Dispose() => _listener.Dispose();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var socket = await _listener.AcceptSocketAsync();
                    Interlocked.Increment(ref _connections);
                    socket.LingerState = new LingerOption(true, 0);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Disposed at the end of the test.
            }
        }
    }
}
