using System.Net;

namespace Prow.Clients.Slack;

/// <summary>Slack did not take a message: its HTTP status and the <c>error</c> it answered (<c>channel_not_found</c>, <c>ratelimited</c>...).</summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SlackApiException(string channel, HttpStatusCode statusCode, string error)
        : base($"failed to post message to {channel}: request failed: {error}")
    {
        StatusCode = statusCode;
        Error = error;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? Error { get; }

    /// <summary>Worth another attempt: Slack's own trouble or a rate limit, not a refusal such as an unknown channel or a bad token.</summary>
    public bool Transient => StatusCode is { } status && ((int)status >= 500 || status == HttpStatusCode.TooManyRequests)
        || Error is "ratelimited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
}
