using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>A commit status state; crier maps ProwJob states onto these.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StatusState>))]
public enum StatusState
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("success")]
    Success,

    [JsonStringEnumMemberName("failure")]
    Failure,

    [JsonStringEnumMemberName("error")]
    Error,
}
