using System.Text.Json.Serialization;
using Orleans;

namespace Prow.GrainInterfaces.ProwJobs;

/// <summary>Prow's Refs: a repository at a base, with the pull requests merged on top.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJobRefs
{
    [JsonPropertyName("org")]
    public string Org { get; init; } = "";

    [JsonPropertyName("repo")]
    public string Repo { get; init; } = "";

    [JsonPropertyName("repo_link")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RepoLink { get; init; }

    [JsonPropertyName("base_ref")]
    public string BaseRef { get; init; } = "";

    [JsonPropertyName("base_sha")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BaseSha { get; init; }

    /// <summary>The base commit on GitHub (<c>{repo_link}/commit/{base_sha}</c>), as Prow's trigger fills it.</summary>
    [JsonPropertyName("base_link")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BaseLink { get; init; }

    [JsonPropertyName("pulls")]
    public IReadOnlyList<ProwJobPull> Pulls { get; init; } = [];

    [JsonPropertyName("path_alias")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PathAlias { get; init; }

    [JsonPropertyName("workdir")]
    public bool Workdir { get; init; }

    [JsonPropertyName("clone_uri")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CloneUri { get; init; }

    [JsonPropertyName("skip_submodules")]
    public bool SkipSubmodules { get; init; }

    [JsonPropertyName("clone_depth")]
    public int CloneDepth { get; init; }

    /// <summary>Prow's PULL_REFS form: <c>base_ref:base_sha,number:sha,...</c>.</summary>
    public override string ToString() =>
        string.Join(',', Pulls.Select(p => $"{p.Number}:{p.Sha}").Prepend(BaseSha is null ? BaseRef : $"{BaseRef}:{BaseSha}"));
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable]
public sealed record ProwJobPull
{
    [JsonPropertyName("number")]
    public int Number { get; init; }

    [JsonPropertyName("author")]
    public string Author { get; init; } = "";

    [JsonPropertyName("sha")]
    public string Sha { get; init; } = "";

    [JsonPropertyName("title")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    [JsonPropertyName("ref")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Ref { get; init; }

    [JsonPropertyName("link")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Link { get; init; }

    [JsonPropertyName("commit_link")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CommitLink { get; init; }

    [JsonPropertyName("author_link")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthorLink { get; init; }
}
