using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.TestKit.Slack;

/// <summary>
/// Slack's <c>chat.postMessage</c> on loopback: a message is accepted for a known channel with the bot token, as a
/// form post, and kept in <see cref="Messages"/>; an unknown channel gets Slack's <c>channel_not_found</c>, a wrong
/// token <c>invalid_auth</c>. <see cref="FailNext"/> makes the next posts fail with a 503, as Slack's outages do.
/// </summary>
public sealed class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<FakeSlackMessage> _messages = [];
    private readonly HashSet<string> _channels = new(StringComparer.Ordinal);
    private int _failNext;
    private int _refused;

    private FakeSlackServer(string token)
    {
        Token = token;
        _app = LoopbackApp.CreateBuilder().Build();
        _app.MapPost("/api/chat.postMessage", (Delegate)PostMessageAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string Token { get; }

    public IReadOnlyList<FakeSlackMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Posts answered with an error so far (outages and refusals).</summary>
    public int Refused
    {
        get
        {
            lock (_lock)
            {
                return _refused;
            }
        }
    }

    public static async Task<FakeSlackServer> StartAsync(string token = "xoxb-fake-slack-token", params string[] channels)
    {
        var server = new FakeSlackServer(token);
        foreach (var channel in channels)
        {
            server._channels.Add(channel);
        }

        server.BaseAddress = await LoopbackApp.StartAsync(server._app, CancellationToken.None);
        return server;
    }

    public void AddChannel(string channel)
    {
        lock (_lock)
        {
            _channels.Add(channel);
        }
    }

    /// <summary>The next <paramref name="count"/> posts are answered 503, whatever they hold.</summary>
    public void FailNext(int count)
    {
        lock (_lock)
        {
            _failNext = count;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> PostMessageAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : form["token"].ToString();
        lock (_lock)
        {
            if (_failNext > 0)
            {
                _failNext--;
                _refused++;
                return Results.Json(new { ok = false, error = "service_unavailable" }, statusCode: (int)HttpStatusCode.ServiceUnavailable);
            }

            var channel = form["channel"].ToString();
            string? error = token != Token ? "invalid_auth" : !_channels.Contains(channel) ? "channel_not_found" : null;
            if (error is not null)
            {
                _refused++;
                return Results.Json(new { ok = false, error });
            }

            _messages.Add(new FakeSlackMessage(channel, form["text"].ToString(), form["username"].ToString(), form["icon_emoji"].ToString()));
            return Results.Json(new { ok = true, channel, ts = $"{_messages.Count}.000100" });
        }
    }
}

/// <summary>A message the fake Slack accepted.</summary>
public sealed record FakeSlackMessage(string Channel, string Text, string Username, string IconEmoji);
