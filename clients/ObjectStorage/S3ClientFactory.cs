using Amazon.Runtime;
using Amazon.S3;

namespace Prow.Clients.ObjectStorage;

/// <summary>An AWS SDK S3 client for AWS itself, MinIO (path style) or GCS's S3 interoperability endpoint.</summary>
public static class S3ClientFactory
{
    public static IAmazonS3 Create(S3Credentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var config = new AmazonS3Config
        {
            ForcePathStyle = credentials.ForcePathStyle,
            // Only checksums a call requires: S3-compatible stores (GCS interoperability, older MinIO) reject
            // the SDK's default trailing checksums.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (credentials.Endpoint is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : (credentials.Insecure ? "http://" : "https://") + endpoint;
            config.AuthenticationRegion = credentials.Region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(credentials.Region ?? "us-east-1");
        }

        return new AmazonS3Client(new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey), config);
    }
}
