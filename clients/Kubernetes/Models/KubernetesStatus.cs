using System.Text.Json.Serialization;

namespace Prow.Clients.Kubernetes.Models;

/// <summary>The API server's meta/v1 Status: how an API call or a watch failed, in its own words.</summary>
public sealed record KubernetesStatus
{
    [JsonPropertyName("kind")]
    public string Kind { get; init; } = "Status";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = "v1";

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Machine-readable: NotFound, AlreadyExists, Invalid, Expired, Gone, ...</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("code")]
    public int Code { get; init; }
}
