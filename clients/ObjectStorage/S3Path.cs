namespace Prow.Clients.ObjectStorage;

/// <summary><c>s3://bucket/prefix</c>: where artifacts go in object storage.</summary>
public sealed record S3Path(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string value) => value?.StartsWith(Scheme, StringComparison.Ordinal) == true;

    public static S3Path Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsS3(value))
        {
            throw new FormatException($"'{value}' is not an s3:// location");
        }

        var rest = value[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            throw new FormatException($"'{value}' names no bucket (expected s3://bucket/prefix)");
        }

        return new S3Path(bucket, slash < 0 ? "" : rest[(slash + 1)..].Trim('/'));
    }

    /// <summary>The object key for a path under the prefix.</summary>
    public string KeyFor(string path) => Prefix.Length == 0 ? path.TrimStart('/') : $"{Prefix}/{path.TrimStart('/')}";

    public override string ToString() => Prefix.Length == 0 ? $"{Scheme}{Bucket}" : $"{Scheme}{Bucket}/{Prefix}";
}
