using System.Text.Json;

namespace Prow.Services.Artifacts;

/// <summary>
/// A job's <c>decoration_config.gcs_configuration</c>: the bucket (<c>gs://b</c>, <c>s3://b</c>, or a bare name
/// meaning GCS), <c>path_prefix</c>, and how a pull request's repository appears in its path (<c>path_strategy</c>
/// with <c>default_org</c> and <c>default_repo</c>). Jobs without one use the explicit strategy at the store's root.
/// </summary>
public sealed record GcsConfiguration(string? Bucket, string PathPrefix, string PathStrategy, string? DefaultOrg, string? DefaultRepo)
{
    public const string ExplicitStrategy = "explicit";
    public const string LegacyStrategy = "legacy";
    public const string SingleStrategy = "single";

    public static readonly GcsConfiguration Default = new(null, "", ExplicitStrategy, null, null);

    public static GcsConfiguration Of(ProwJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Spec.DecorationConfig is not { ValueKind: JsonValueKind.Object } decoration
            || !decoration.TryGetProperty("gcs_configuration", out var gcs) || gcs.ValueKind != JsonValueKind.Object)
        {
            return Default;
        }

        return new GcsConfiguration(
            Text(gcs, "bucket"),
            Text(gcs, "path_prefix")?.Trim('/') ?? "",
            Text(gcs, "path_strategy") ?? ExplicitStrategy,
            Text(gcs, "default_org"),
            Text(gcs, "default_repo"));
    }

    /// <summary>The storage provider the bucket names: <c>gs</c> (also for a bare name) or <c>s3</c>.</summary>
    public string Provider => Bucket is { } b && b.Contains("://", StringComparison.Ordinal) ? b[..b.IndexOf("://", StringComparison.Ordinal)] : "gs";

    /// <summary>The bucket's name without its scheme.</summary>
    public string? BucketName => Bucket is { } b && b.Contains("://", StringComparison.Ordinal) ? b[(b.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/') : Bucket;

    /// <summary>The path segment for a pull request's repository, as Prow's path builders make it ("" for the default repository).</summary>
    public string RepoSegment(string org, string repo)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(repo);
        var orgRepo = $"{org}_{repo.Replace('/', '_')}";
        return PathStrategy switch
        {
            LegacyStrategy when org == DefaultOrg => repo == DefaultRepo ? "" : repo,
            SingleStrategy when org == DefaultOrg && repo == DefaultRepo => "",
            _ => orgRepo,
        };
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
