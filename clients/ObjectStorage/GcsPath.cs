namespace Prow.Clients.ObjectStorage;

/// <summary><c>gs://bucket/prefix</c>: where artifacts go in Google Cloud Storage.</summary>
public sealed record GcsPath(string Bucket, string Prefix)
{
    public const string Scheme = "gs://";

    public static bool IsGcs(string value) => value?.StartsWith(Scheme, StringComparison.Ordinal) == true;

    public static GcsPath Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsGcs(value))
        {
            throw new FormatException($"'{value}' is not a gs:// location");
        }

        var rest = value[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw new FormatException($"'{value}' names no bucket (expected gs://bucket/prefix)");
        }

        return new GcsPath(bucket, slash < 0 ? "" : rest[(slash + 1)..].Trim('/'));
    }

    /// <summary>The object name for a path under the prefix.</summary>
    public string ObjectFor(string path) => Prefix.Length == 0 ? path.TrimStart('/') : $"{Prefix}/{path.TrimStart('/')}";

    public override string ToString() => Prefix.Length == 0 ? $"{Scheme}{Bucket}" : $"{Scheme}{Bucket}/{Prefix}";
}
