using Prow.Clients.ObjectStorage;
using Prow.Services.Artifacts;

namespace Prow.Silo.Hosting;

/// <summary>
/// <c>--artifacts gs://bucket/prefix</c> (with <c>--gcs-credentials-file</c> or application default credentials): the
/// GCS store; <c>s3://bucket/prefix</c> with <c>--s3-credentials-file</c>: the S3 store; a plain path: null (the local folder).
/// </summary>
public static class ArtifactStoreSetup
{
    public static IArtifactStore? From(ProwOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var gcs = GcsPath.IsGcs(options.Artifacts);
        var s3 = S3Path.IsS3(options.Artifacts);
        if (!gcs && (options.GcsCredentialsFile is not null || options.GcsEndpoint is not null))
        {
            throw new StartupException("--gcs-credentials-file and --gcs-endpoint are only used with --artifacts gs://bucket/prefix");
        }

        if (!s3 && options.S3CredentialsFile is not null)
        {
            throw new StartupException("--s3-credentials-file is only used with --artifacts s3://bucket/prefix");
        }

        try
        {
            if (gcs)
            {
                return new GcsArtifactStore(GcsClientFactory.Create(options.GcsCredentialsFile, options.GcsEndpoint), GcsPath.Parse(options.Artifacts));
            }

            if (!s3)
            {
                return null;
            }

            if (options.S3CredentialsFile is not { } file)
            {
                throw new StartupException("--artifacts s3://... needs --s3-credentials-file");
            }

            return new S3ArtifactStore(S3ClientFactory.Create(S3Credentials.Load(file)), S3Path.Parse(options.Artifacts));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--artifacts: {ex.Message}", ex);
        }
    }
}
