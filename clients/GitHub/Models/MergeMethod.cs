using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

[JsonConverter(typeof(JsonStringEnumConverter<MergeMethod>))]
public enum MergeMethod
{
    [JsonStringEnumMemberName("merge")]
    Merge,

    [JsonStringEnumMemberName("squash")]
    Squash,

    [JsonStringEnumMemberName("rebase")]
    Rebase,
}
