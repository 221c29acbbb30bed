using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Grains.Reporting;

/// <summary>Which failures are worth another attempt: no answer, a server error or a rate limit; any other refusal is final.</summary>
public static class ReportFailures
{
    public static ReportOutcome Classify(Exception exception) => exception switch
    {
        GitHubApiException { StatusCode: null } => ReportOutcome.Retry,
        GitHubApiException { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout } => ReportOutcome.Retry,
        GitHubApiException { StatusCode: { } status } => (int)status >= 500 ? ReportOutcome.Retry : ReportOutcome.Dropped,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status == HttpStatusCode.TooManyRequests ? ReportOutcome.Retry : ReportOutcome.Dropped,
        HttpRequestException or TaskCanceledException or TimeoutException or IOException => ReportOutcome.Retry,
        _ => ReportOutcome.Retry,
    };
}
