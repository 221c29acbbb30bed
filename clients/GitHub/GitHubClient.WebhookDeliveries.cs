using System.Globalization;
using System.Runtime.CompilerServices;

namespace Prow.Clients.GitHub;

public sealed partial class GitHubClient
{
    public async IAsyncEnumerable<WebhookDeliveryAttempt> ListWebhookDeliveriesAsync(WebhookSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        GitHubRoute? next = DeliveriesRoute(source).WithQuery(("per_page", Math.Clamp(_options.PerPage, 1, 100).ToString(CultureInfo.InvariantCulture)));
        while (next is not null)
        {
            var response = await SendAsync(new GitHubRequest(HttpMethod.Get, next) { Authorization = AppJwtFor(source) }, cancellationToken);
            foreach (var delivery in response.Read(Json.ListWebhookDeliveryAttempt))
            {
                yield return delivery;
            }

            // The next page's cursor is in the Link header, as for every cursor-paginated list.
            next = LinkHeader.Next(response.Link) is { } uri ? next with { PathAndQuery = _transport.ToPathAndQuery(uri) } : null;
        }
    }

    public async Task RedeliverWebhookAsync(WebhookSource source, long deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var id = deliveryId.ToString(CultureInfo.InvariantCulture);
        var route = source.IsApp
            ? GitHubRoute.Create("/app/hook/deliveries/{delivery_id}/attempts", id)
            : source.Repo is null
                ? GitHubRoute.Create("/orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts", source.Org!, source.HookId, id)
                : GitHubRoute.Create("/repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts", source.Org!, source.Repo, source.HookId, id);
        await SendAsync(new GitHubRequest(HttpMethod.Post, route) { Authorization = AppJwtFor(source) }, cancellationToken);
    }

    private static GitHubRoute DeliveriesRoute(WebhookSource source) =>
        source.IsApp
            ? GitHubRoute.Create("/app/hook/deliveries")
            : source.Repo is null
                ? GitHubRoute.Create("/orgs/{org}/hooks/{hook_id}/deliveries", source.Org!, source.HookId)
                : GitHubRoute.Create("/repos/{owner}/{repo}/hooks/{hook_id}/deliveries", source.Org!, source.Repo, source.HookId);

    /// <summary>The App's hook answers only to the App's JWT, never to an installation token.</summary>
    private string? AppJwtFor(WebhookSource source) =>
        !source.IsApp ? null
        : _app?.JwtAuthorization() ?? throw new InvalidOperationException("The GitHub App's webhook deliveries need --github-app-id: a token cannot read them.");
}
