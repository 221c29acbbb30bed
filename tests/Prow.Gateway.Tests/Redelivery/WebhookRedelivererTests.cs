using System.Security.Cryptography;
using System.Text;
using Prow.Clients.GitHub;
using Prow.FakeGitHub;
using Prow.Gateway.Redelivery;
using Prow.Ingress;

namespace Prow.Gateway.Tests.Redelivery;

/// <summary>The redeliverer against the fake GitHub's deliveries API, through the production GitHub client.</summary>
public sealed class WebhookRedelivererTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(s_start);
    private readonly string _folder = Directory.CreateTempSubdirectory("redelivery-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RepositoryHook_FailedDeliveriesSinceTheHorizonNotInTheInbox_AreAskedAgainOnce()
    {
        await using var github = await FakeGitHubServer.StartAsync(_clock);
        await using var receiver = await HookReceiver.StartAsync();
        var hook = github.AddRepositoryHook("org/repo", receiver.Url, "secret");
        receiver.Status = 503;
        var tooOld = await github.DeliverAsync(hook, "issues", Payload("opened"));
        _clock.Now += TimeSpan.FromMinutes(10);
        var since = _clock.Now;
        var lost = await github.DeliverAsync(hook, "issues", Payload("opened"));
        var inInbox = await github.DeliverAsync(hook, "issues", Payload("edited"));
        receiver.Status = 200;
        var delivered = await github.DeliverAsync(hook, "issues", Payload("closed"));
        receiver.Status = 502;
        var alsoLost = await github.DeliverAsync(hook, "issue_comment", Payload("created"));
        var inbox = new MemoryIngressStore(_clock);
        await inbox.AppendAsync([new IngressMessage(WebhookEnvelope.IngressKind, inInbox.DeliveryGuid, Payload("edited"))], CancellationToken.None);
        receiver.Status = 200;
        using var client = new GitHubClient(new GitHubClientOptions { Endpoints = { github.BaseAddress }, Token = "t", PerPage = 2 }, time: _clock);

        var asked = await new WebhookRedeliverer(client, inbox).RedeliverAsync(new WebhookSource("org", "repo", hook.Id), since, CancellationToken.None);

        Assert.Equal(2, asked);
        var redelivered = github.DeliveriesTo(hook).Where(d => d.Redelivery).ToList();
        Assert.Equal(new[] { lost.DeliveryGuid, alsoLost.DeliveryGuid }.Order(StringComparer.Ordinal), redelivered.Select(d => d.DeliveryGuid).Order(StringComparer.Ordinal));
        Assert.All(redelivered, d => Assert.Equal(200, d.StatusCode));
        Assert.Equal(503, tooOld.StatusCode);
        Assert.Equal(200, delivered.StatusCode);

        // Delivered now: a second look asks nothing.
        Assert.Equal(0, await new WebhookRedeliverer(client, inbox).RedeliverAsync(new WebhookSource("org", "repo", hook.Id), since, CancellationToken.None));
    }

    [Fact]
    public async Task AppHook_IsReadWithTheAppsJwt_AndAskedAgain()
    {
        using var key = RSA.Create(2048);
        var keyPath = Path.Combine(_folder, "app.pem");
        await File.WriteAllTextAsync(keyPath, key.ExportRSAPrivateKeyPem());
        await using var github = await FakeGitHubServer.StartAsync(_clock);
        github.AppPublicKey = RSA.Create(key.ExportParameters(false));
        github.AcceptedTokens.Add("no-plain-token-works");
        await using var receiver = await HookReceiver.StartAsync();
        var hook = github.SetAppHook(receiver.Url, "secret");
        receiver.Status = 500;
        var lost = await github.DeliverAsync(hook, "pull_request", Payload("opened"));
        receiver.Status = 200;
        using var client = new GitHubClient(new GitHubClientOptions { Endpoints = { github.BaseAddress }, App = new GitHubAppOptions { AppId = "4242", PrivateKeyPath = keyPath } }, time: _clock);

        var asked = await new WebhookRedeliverer(client, new MemoryIngressStore(_clock)).RedeliverAsync(WebhookSource.App, s_start - TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(1, asked);
        Assert.Equal([lost.DeliveryGuid, lost.DeliveryGuid], receiver.Received);
        Assert.True(Assert.Single(github.DeliveriesTo(hook), d => d.Redelivery).StatusCode == 200);
    }

    [Theory]
    [InlineData("org=12", "org", null, 12L)]
    [InlineData("org/repo=7", "org", "repo", 7L)]
    public void TryParse_ReadsTheFlag(string flag, string org, string? repo, long id)
    {
        Assert.True(WebhookSource.TryParse(flag, out var source));
        Assert.Equal(new WebhookSource(org, repo, id), source);
    }

    [Theory]
    [InlineData("org")]
    [InlineData("org=")]
    [InlineData("org=x")]
    [InlineData("org=0")]
    [InlineData("a/b/c=1")]
    [InlineData("/repo=1")]
    public void TryParse_RefusesOtherShapes(string flag) => Assert.False(WebhookSource.TryParse(flag, out _));

    private static byte[] Payload(string action) => Encoding.UTF8.GetBytes($"{{\"action\":\"{action}\",\"repository\":{{\"full_name\":\"org/repo\"}}}}");
}
