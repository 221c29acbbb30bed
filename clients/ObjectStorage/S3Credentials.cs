using System.Text.Json;
using System.Text.Json.Serialization;

namespace Prow.Clients.ObjectStorage;

/// <summary>
/// Prow's S3 credentials file (the <c>s3_credentials_secret</c> format): region, endpoint (for MinIO or GCS's
/// interoperability endpoint), whether it is plain http, path-style addressing, and the access keys.
/// </summary>
public sealed record S3Credentials
{
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("endpoint")]
    public string? Endpoint { get; init; }

    [JsonPropertyName("insecure")]
    public bool Insecure { get; init; }

    [JsonPropertyName("s3_force_path_style")]
    public bool ForcePathStyle { get; init; }

    [JsonPropertyName("access_key")]
    public string? AccessKey { get; init; }

    [JsonPropertyName("secret_key")]
    public string? SecretKey { get; init; }

    /// <summary>Reads the file; a missing field or bad JSON is a <see cref="FormatException"/> naming the file.</summary>
    public static S3Credentials Load(string path)
    {
        S3Credentials? credentials;
        try
        {
            credentials = JsonSerializer.Deserialize<S3Credentials>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not an S3 credentials file: {ex.Message}", ex);
        }

        if (credentials is not { AccessKey.Length: > 0, SecretKey.Length: > 0 })
        {
            throw new FormatException($"{path}: access_key and secret_key are required");
        }

        return credentials;
    }
}
