using System.Net;
using Prow.Clients.GitHub;

namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// Asks GitHub for reviews from several people at once. GitHub refuses the whole request (422) when one of them
/// cannot review (not a collaborator, or the author); then each is asked alone so the others still get asked.
/// </summary>
public static class ReviewRequests
{
    /// <returns>Who GitHub would not ask.</returns>
    public static async Task<IReadOnlyList<string>> RequestAsync(IPullRequestClient gitHub, string org, string repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitHub);
        ArgumentNullException.ThrowIfNull(logins);
        if (logins.Count == 0)
        {
            return [];
        }

        try
        {
            await gitHub.RequestReviewersAsync(org, repo, number, logins, cancellationToken);
            return [];
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.UnprocessableEntity && logins.Count > 1)
        {
            var refused = new List<string>();
            foreach (var login in logins)
            {
                try
                {
                    await gitHub.RequestReviewersAsync(org, repo, number, [login], cancellationToken);
                }
                catch (GitHubApiException one) when (one.StatusCode == HttpStatusCode.UnprocessableEntity)
                {
                    refused.Add(login);
                }
            }

            return refused;
        }
        catch (GitHubApiException e) when (e.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            return logins;
        }
    }
}
