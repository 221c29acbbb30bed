namespace Prow.Grains.ProwJobs;

/// <summary>Prow's label and annotation keys on ProwJobs and their pods (pkg/kube/prowjob.go).</summary>
public static class ProwJobLabels
{
    public const string CreatedByProw = "created-by-prow";
    public const string Type = "prow.k8s.io/type";
    public const string Job = "prow.k8s.io/job";
    public const string Context = "prow.k8s.io/context";
    public const string Org = "prow.k8s.io/refs.org";
    public const string Repo = "prow.k8s.io/refs.repo";
    public const string BaseRef = "prow.k8s.io/refs.base_ref";
    public const string Pull = "prow.k8s.io/refs.pull";
    public const string IsOptional = "prow.k8s.io/is-optional";
    public const string EventGuid = "event-GUID";
    public const string Retest = "prow.k8s.io/retest";
    public const string CreatedByTide = "created-by-tide";

    /// <summary>Not Prow's: the pool a job's <c>cluster:</c> named, when a member was chosen for it.</summary>
    public const string ClusterPool = "prow-orleans/cluster-pool";

    /// <summary>Kubernetes label values are at most 63 characters; the full value goes in an annotation.</summary>
    public const int MaxValueLength = 63;

    public static string Value(string value) => value.Length <= MaxValueLength ? value : value[..MaxValueLength].TrimEnd('-', '_', '.');
}
