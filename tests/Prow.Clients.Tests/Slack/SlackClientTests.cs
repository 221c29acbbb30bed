using System.Net;
using Prow.Clients.Slack;
using Prow.TestKit.Slack;

namespace Prow.Clients.Tests.Slack;

/// <summary>The Slack client against the fake Slack: what it posts, and which refusals are worth another attempt.</summary>
public sealed class SlackClientTests : IAsyncLifetime
{
    private readonly string _tokenFile = Path.GetTempFileName();
    private readonly HttpClient _http = new();
    private FakeSlackServer _slack = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackServer.StartAsync("xoxb-right", "ci");
        await File.WriteAllTextAsync(_tokenFile, "xoxb-right\n");
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _http.Dispose();
        File.Delete(_tokenFile);
    }

    [Fact]
    public async Task PostMessage_PostsTheTextAsProwsBot()
    {
        await Client().PostMessageAsync("ci", "Job x failed. <https://prow/view/1|View logs>", CancellationToken.None);

        Assert.Equal(new FakeSlackMessage("ci", "Job x failed. <https://prow/view/1|View logs>", "prow", ":prow:"), Assert.Single(_slack.Messages));
    }

    [Fact]
    public async Task Refusals_AreFinal_AnOutageIsNot()
    {
        var unknown = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("nowhere", "x", CancellationToken.None));
        Assert.Equal(("channel_not_found", false), (unknown.Error, unknown.Transient));
        Assert.Equal("failed to post message to nowhere: request failed: channel_not_found", unknown.Message);

        _slack.FailNext(1);
        var outage = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("ci", "x", CancellationToken.None));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (outage.StatusCode!.Value, outage.Transient));

        // The token file is read at each post: a rotated token is used at once.
        await File.WriteAllTextAsync(_tokenFile, "xoxb-wrong");
        var badToken = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync("ci", "x", CancellationToken.None));
        Assert.Equal(("invalid_auth", false), (badToken.Error, badToken.Transient));
        Assert.Empty(_slack.Messages);
    }

    private SlackClient Client() => new(_http, new SlackClientOptions(_tokenFile, _slack.BaseAddress));
}
