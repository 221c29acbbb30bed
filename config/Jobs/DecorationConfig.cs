namespace Prow.Config.Jobs;

/// <summary>
/// Pod-utility decoration settings. Kept as the raw mapping so that defaults merge field by field
/// exactly as written (Prow's DecorationConfig.ApplyDefault), with typed views of the fields we use.
/// </summary>
public sealed record DecorationConfig(IReadOnlyDictionary<string, object?> Raw)
{
    public TimeSpan? Timeout => Duration("timeout");

    public TimeSpan? GracePeriod => Duration("grace_period");

    public bool? SkipCloning => Flag("skip_cloning");

    public bool? CensorSecrets => Flag("censor_secrets");

    public string? GcsCredentialsSecret => Raw.GetValueOrDefault("gcs_credentials_secret") as string;

    public string? DefaultServiceAccountName => Raw.GetValueOrDefault("default_service_account_name") as string;

    public IReadOnlyDictionary<string, object?> UtilityImages => Map("utility_images");

    public IReadOnlyDictionary<string, object?> GcsConfiguration => Map("gcs_configuration");

    public string? UtilityImage(string name) => UtilityImages.GetValueOrDefault(name) as string;

    /// <summary>Fields set here win; missing ones come from <paramref name="defaults"/>, recursively for mappings.</summary>
    public DecorationConfig ApplyDefault(DecorationConfig? defaults) =>
        defaults is null ? this : new DecorationConfig(Merge(Raw, defaults.Raw));

    public bool Equals(DecorationConfig? other) => other is not null && Yaml.YamlValues.RawEquals(Raw, other.Raw);

    public override int GetHashCode() => Raw.Count;

    internal static Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> over, IReadOnlyDictionary<string, object?> under)
    {
        var result = new Dictionary<string, object?>(under, StringComparer.Ordinal);
        foreach (var (k, v) in over)
        {
            result[k] = v is IReadOnlyDictionary<string, object?> o && under.GetValueOrDefault(k) is IReadOnlyDictionary<string, object?> u
                ? Merge(o, u)
                : v ?? under.GetValueOrDefault(k);
        }

        return result;
    }

    private TimeSpan? Duration(string key) =>
        Raw.GetValueOrDefault(key) is string s && GoDuration.TryParseOrNanoseconds(s, out var d) ? d : null;

    private bool? Flag(string key) => Raw.GetValueOrDefault(key) is string s && bool.TryParse(s, out var b) ? b : null;

    private IReadOnlyDictionary<string, object?> Map(string key) =>
        Raw.GetValueOrDefault(key) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
}
