namespace Prow.Grains.ProwJobs;

/// <summary>
/// A job started by name rather than by an event (<c>prow mkpj</c>, the jobs API): its refs as given, and what the
/// caller overrides in the pod (environment variables, as gangway's <c>pod_spec_options</c>) and in the ProwJob's metadata.
/// </summary>
public sealed record JobStartRequest
{
    public string? Org { get; init; }

    public string? Repo { get; init; }

    public string? BaseRef { get; init; }

    public string? BaseSha { get; init; }

    public IReadOnlyList<ProwJobPull> Pulls { get; init; } = [];

    /// <summary>Set on every container of the pod spec, replacing a variable of the same name.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Who asked, for the job's request record ("mkpj", the API token's identity).</summary>
    public string RequestedBy { get; init; } = "";
}
