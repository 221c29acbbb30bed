using System.Net;

namespace Prow.Clients.GitHub;

/// <summary>A refused merge, classified so tide can tell "try later" from "give up".</summary>
public sealed class GitHubMergeException : GitHubApiException
{
    public GitHubMergeException()
    {
    }

    public GitHubMergeException(string message)
        : base(message)
    {
    }

    public GitHubMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitHubMergeException(MergeError error, HttpStatusCode statusCode, string path, string? gitHubMessage, string? documentationUrl)
        : base(statusCode, "PUT", path, gitHubMessage, documentationUrl)
    {
        Error = error;
    }

    public MergeError Error { get; }

    internal static MergeError? Classify(HttpStatusCode status, string? message)
    {
        var text = message ?? "";
        return (int)status switch
        {
            405 when text.Contains("Base branch was modified", StringComparison.OrdinalIgnoreCase) => MergeError.BaseBranchModified,
            405 => MergeError.NotMergeable,
            409 => MergeError.HeadModified,
            422 when text.Contains("not authorized to push", StringComparison.OrdinalIgnoreCase) => MergeError.UnauthorizedToPush,
            422 when text.Contains("not allowed", StringComparison.OrdinalIgnoreCase) => MergeError.MergeMethodNotAllowed,
            _ => null,
        };
    }
}
