using Prow.Clients.ObjectStorage;
using Prow.Services.Artifacts;

namespace Prow.Silo.Hosting;

/// <summary><c>--artifacts s3://bucket/prefix</c> with <c>--s3-credentials-file</c>: the S3 store; a plain path: null (the local folder).</summary>
public static class ArtifactStoreSetup
{
    public static IArtifactStore? From(ProwOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!S3Path.IsS3(options.Artifacts))
        {
            return options.S3CredentialsFile is null ? null : throw new StartupException("--s3-credentials-file is only used with --artifacts s3://bucket/prefix");
        }

        if (options.S3CredentialsFile is not { } file)
        {
            throw new StartupException("--artifacts s3://... needs --s3-credentials-file");
        }

        try
        {
            return new S3ArtifactStore(S3ClientFactory.Create(S3Credentials.Load(file)), S3Path.Parse(options.Artifacts));
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--artifacts: {ex.Message}", ex);
        }
    }
}
