using System.Net;

namespace Prow.Clients.GitHub;

/// <summary>A GitHub call that failed: the status, what was asked, and GitHub's own explanation.</summary>
public class GitHubApiException : Exception
{
    public GitHubApiException()
    {
    }

    public GitHubApiException(string message)
        : base(message)
    {
    }

    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitHubApiException(
        HttpStatusCode? statusCode,
        string method,
        string path,
        string? gitHubMessage,
        string? documentationUrl,
        Exception? innerException = null)
        : base(Describe(statusCode, method, path, gitHubMessage), innerException)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        GitHubMessage = gitHubMessage;
        DocumentationUrl = documentationUrl;
    }

    /// <summary>Null when no endpoint answered at all.</summary>
    public HttpStatusCode? StatusCode { get; }

    public string Method { get; } = "";

    public string Path { get; } = "";

    /// <summary>The <c>message</c> field of GitHub's error body.</summary>
    public string? GitHubMessage { get; }

    /// <summary>The <c>documentation_url</c> field of GitHub's error body.</summary>
    public string? DocumentationUrl { get; }

    private static string Describe(HttpStatusCode? status, string method, string path, string? message)
    {
        var code = status is null ? "no response" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"GitHub {method} {path} failed ({code}): {message ?? "no message"}";
    }
}
