using System.Net;

namespace Prow.Clients.Kubernetes;

/// <summary>An API call the server refused: the HTTP status and the Status object's reason and message.</summary>
public class KubernetesApiException : Exception
{
    public KubernetesApiException()
    {
    }

    public KubernetesApiException(string message)
        : base(message)
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubernetesApiException(string cluster, string what, HttpStatusCode statusCode, string? reason, string? statusMessage)
        : base($"Kubernetes cluster {cluster}: {what} failed ({(int)statusCode} {reason ?? statusCode.ToString()}): {statusMessage ?? "no message"}")
    {
        StatusCode = statusCode;
        Reason = reason;
        StatusMessage = statusMessage;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The Status object's reason (NotFound, AlreadyExists, Invalid, Expired, ...).</summary>
    public string? Reason { get; }

    /// <summary>The Status object's message.</summary>
    public string? StatusMessage { get; }

    /// <summary>The resourceVersion asked for is older than the server keeps: list again.</summary>
    public bool IsGone => StatusCode == HttpStatusCode.Gone || Reason is "Expired" or "Gone";

    /// <summary>Worth trying again later: the server is overloaded or unavailable, not refusing this request.</summary>
    public bool IsTransient => (int)StatusCode >= 500 || StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}
