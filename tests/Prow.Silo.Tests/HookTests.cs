using System.Net;
using System.Text;
using Prow.GrainInterfaces;

namespace Prow.Silo.Tests;

public sealed class HookTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private InProcessProw _prow = null!;

    public async Task InitializeAsync() => _prow = await InProcessProw.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _prow.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task SignedWebhook_Accepted_AndReachesRepositoryGrain()
    {
        var response = await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "d-1", Webhooks.IssueComment("Org/Repo", 3, "/meow")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Event received. Have a nice day.", await response.Content.ReadAsStringAsync());
        var summary = await WaitForDeliveriesAsync("org/repo", 1);
        Assert.Equal(1, summary.EventCounts["issue_comment"]);
    }

    [Fact]
    public async Task SameDeliveryTwice_HandledOnce()
    {
        var json = Webhooks.IssueComment("org/twice", 1, "hi");
        Assert.Equal(HttpStatusCode.OK, (await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "same", json))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "same", json))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "other", json))).StatusCode);

        var summary = await WaitForDeliveriesAsync("org/twice", 2);
        await Task.Delay(200);
        Assert.Equal(2, (await _prow.Grains.GetGrain<IRepositoryGrain>("org/twice").GetSummaryAsync()).Deliveries);
        Assert.Equal(2, summary.Deliveries);
    }

    [Fact]
    public async Task BadSignature_401()
    {
        var response = await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "d-bad", Webhooks.IssueComment("org/repo", 1, "x"), secret: "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MissingSignature_401_AndSha1HeaderAloneIsNotAccepted()
    {
        var request = Webhooks.Request("issue_comment", "d-sha1", Webhooks.IssueComment("org/repo", 1, "x"), secret: null);
        request.Headers.Add("X-Hub-Signature", "sha1=0000000000000000000000000000000000000000");

        var response = await _prow.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public async Task SignedMalformedBody_400(string body)
    {
        var response = await _prow.Client.SendAsync(Webhooks.Request("pull_request", $"d-{body.Length}", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MissingEventHeader_400_WrongContentType_400_Get_405()
    {
        var noEvent = Webhooks.Request("x", "d-noevent", "{}");
        noEvent.Headers.Remove("X-GitHub-Event");
        Assert.Equal(HttpStatusCode.BadRequest, (await _prow.Client.SendAsync(noEvent)).StatusCode);

        var form = Webhooks.Request("issue_comment", "d-form", "{}", contentType: "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, (await _prow.Client.SendAsync(form)).StatusCode);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _prow.Client.GetAsync("/hook")).StatusCode);
    }

    [Fact]
    public async Task SignedBodyThatIsNotItsEvent_400WithTheReason()
    {
        var response = await _prow.Client.SendAsync(Webhooks.Request("pull_request", "d-notpr", """{"action":"opened","repository":{"full_name":"org/repo"}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("pull_request is missing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEvent_200()
    {
        var response = await _prow.Client.SendAsync(Webhooks.Request("sponsorship", "d-unknown", """{"action":"created","sponsorship":{}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RandomRequests_NeverCrashOrAnswer500()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var request = Webhooks.Request(i % 2 == 0 ? "pull_request" : "push", $"fuzz-{i}", Encoding.Latin1.GetString(bytes), secret: i % 3 == 0 ? null : Webhooks.Secret);
            var response = await _prow.Client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"request {i} answered {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await _prow.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Metrics_CountWebhookResponsesAndIngress()
    {
        await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "m-1", Webhooks.IssueComment("org/metrics", 1, "x")));
        await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "m-2", "{}", secret: "wrong"));
        await WaitForDeliveriesAsync("org/metrics", 1);

        var metrics = await _prow.Client.GetStringAsync("/metrics");

        Assert.Contains("prow_webhook_responses_total{code=\"200\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("prow_webhook_responses_total{code=\"401\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("prow_ingress_accepted_total 1", metrics, StringComparison.Ordinal);
        // Orleans' own meter, exported beside Prow's: the repository grain's one activation, and the activation latency histogram.
        Assert.Contains("orleans_catalog_activation_created{grain_type=\"repository\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE orleans_catalog_activation_latency histogram", metrics, StringComparison.Ordinal);
    }

    private async Task<RepositorySummary> WaitForDeliveriesAsync(string repository, long deliveries)
    {
        var grain = _prow.Grains.GetGrain<IRepositoryGrain>(repository);
        for (var i = 0; i < 300; i++)
        {
            var summary = await grain.GetSummaryAsync();
            if (summary.Deliveries >= deliveries)
            {
                return summary;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{repository} did not reach {deliveries} deliveries");
        return null!;
    }
}
