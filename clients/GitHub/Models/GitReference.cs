using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>A git ref such as <c>refs/heads/main</c> and the object it points at.</summary>
public sealed record GitReference
{
    public string Ref { get; set; } = "";

    /// <summary>What the ref points at (GitHub's <c>object</c>).</summary>
    [JsonPropertyName("object")]
    public GitObject Target { get; set; } = new();
}
