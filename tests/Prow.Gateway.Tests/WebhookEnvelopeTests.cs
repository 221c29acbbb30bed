using System.Text;
using System.Text.Json;
using Prow.Clients.GitHub.Events;

namespace Prow.Gateway.Tests;

public sealed class WebhookEnvelopeTests
{
    private static readonly DateTimeOffset s_received = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, int?, string?> Routes => new()
    {
        { "issue_comment.created", "issue_comment", 7, "created" },
        { "pull_request.opened", "pull_request", 7, "opened" },
        { "pull_request_review.submitted", "pull_request_review", 7, "submitted" },
        { "pull_request_review_comment.created", "pull_request_review_comment", 7, "created" },
        { "issues.opened", "issues", null, "opened" },
        { "push", "push", null, null },
        { "status", "status", null, null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Route_SendsPullRequestEventsToThePullRequest_AndTheRestToTheRepository(string fixture, string eventName, int? pull, string? action)
    {
        var route = WebhookRoute.From(Parse(eventName, fixture));

        Assert.Equal(new WebhookRoute("org/repo", pull, action), route);
    }

    [Fact]
    public void Route_CommentOnAnIssue_GoesToTheRepository()
    {
        var body = Fixture("issue_comment.created").Replace("\"pull_request\"", "\"not_a_pull_request\"", StringComparison.Ordinal);
        Assert.True(WebhookEventParser.TryParse("issue_comment", Encoding.UTF8.GetBytes(body), out var parsed, out var error), error);

        Assert.Equal(new WebhookRoute("org/repo", null, "created"), WebhookRoute.From(parsed!));
    }

    [Fact]
    public void Envelope_KeepsThePayloadByteForByte_AndTheRoute()
    {
        var payload = Fixture("pull_request.opened");
        var route = new WebhookRoute("org/repo", 7, "opened");

        var stored = WebhookEnvelope.Serialize("pull_request", "d-1", s_received, route, Encoding.UTF8.GetBytes(payload));
        var envelope = WebhookEnvelope.Deserialize(stored);

        Assert.Equal(new WebhookEnvelope("pull_request", "d-1", s_received, route, payload), envelope);
    }

    [Theory]
    [InlineData("org/repo", 7, "org/repo#7")]
    [InlineData("org/repo", null, "org/repo")]
    [InlineData(null, null, null)]
    public void TargetOf_NamesTheGrainFromTheHeaderAlone(string? repository, int? pull, string? target)
    {
        var stored = WebhookEnvelope.Serialize("issue_comment", "d-3", s_received, new WebhookRoute(repository, pull, "created"), "{\"repository\":{\"full_name\":\"elsewhere/repo\"}}"u8);

        Assert.Equal(target, WebhookEnvelope.TargetOf(stored));
    }

    [Fact]
    public void Envelope_WithoutRepositoryOrPull_RoundTrips()
    {
        var route = new WebhookRoute(null, null, null);

        var envelope = WebhookEnvelope.Deserialize(WebhookEnvelope.Serialize("ping", "d-2", s_received, route, "{\"zen\":\"x\"}"u8));

        Assert.Equal(route, envelope.Route);
        Assert.Equal("{\"zen\":\"x\"}", envelope.Payload);
    }

    [Fact]
    public void Envelope_StoredByTheEarlierBuild_IsStillRoutedAfterAnUpgrade()
    {
        // The earlier format: one JSON object with the payload inside. Such deliveries may wait in an inbox across an upgrade.
        var payload = Fixture("issue_comment.created");
        var stored = Encoding.UTF8.GetBytes($"{{\"event\":\"issue_comment\",\"delivery\":\"old-1\",\"received_at\":\"2026-12-03T08:00:00+00:00\",\"payload\":{payload}}}");

        var envelope = WebhookEnvelope.Deserialize(stored);

        Assert.Equal("old-1", envelope.DeliveryId);
        Assert.Equal(s_received, envelope.ReceivedAt);
        Assert.Equal(new WebhookRoute("org/repo", 7, "created"), envelope.Route);
        Assert.Equal(JsonDocument.Parse(payload).RootElement.GetRawText(), JsonDocument.Parse(envelope.Payload).RootElement.GetRawText());
    }

    private static GitHubEvent Parse(string eventName, string fixture)
    {
        Assert.True(WebhookEventParser.TryParse(eventName, Encoding.UTF8.GetBytes(Fixture(fixture)), out var parsed, out var error), error);
        return parsed!;
    }

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".json"));
}
