using Google.Apis.Auth.OAuth2;
using Google.Apis.Storage.v1;
using Google.Cloud.Storage.V1;

namespace Prow.Clients.ObjectStorage;

/// <summary>
/// A Google Cloud Storage client (the JSON API through <c>Google.Cloud.Storage.V1</c>) authenticated with a service
/// account key file (Prow's <c>--gcs-credentials-file</c>) or, without one, application default credentials.
/// </summary>
public static class GcsClientFactory
{
    /// <param name="credentialsFile">A service account key (JSON); null for application default credentials.</param>
    /// <param name="endpoint">The JSON API's base address (an emulator); null for Google's.</param>
    /// <exception cref="FormatException">The key file is not a service account key, or no default credentials were found.</exception>
    public static StorageClient Create(string? credentialsFile, Uri? endpoint = null)
    {
        GoogleCredential credential;
        try
        {
            credential = credentialsFile is null
                ? GoogleCredential.GetApplicationDefault()
                : CredentialFactory.FromFile<ServiceAccountCredential>(credentialsFile).ToGoogleCredential();
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException(credentialsFile is null
                ? $"no --gcs-credentials-file and no application default credentials: {ex.Message}"
                : $"{credentialsFile}: not a service account key: {ex.Message}", ex);
        }

        var builder = new StorageClientBuilder { Credential = credential.CreateScoped(StorageService.Scope.DevstorageReadWrite) };
        if (endpoint is not null)
        {
            builder.BaseUri = new Uri(endpoint, "storage/v1/").ToString();
        }

        return builder.Build();
    }
}
