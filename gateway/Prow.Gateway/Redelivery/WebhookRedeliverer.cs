using Prow.Clients.GitHub;
using Prow.Ingress;

namespace Prow.Gateway.Redelivery;

/// <summary>
/// One look at GitHub's deliveries: every delivery since a moment that no attempt delivered (no 2xx answer) and whose
/// <c>X-GitHub-Delivery</c> the inbox does not hold is asked again. A delivery the inbox holds was handled, or will be;
/// a redelivery that reaches a gateway is stored under the same id, so asking twice never handles it twice.
/// </summary>
public sealed class WebhookRedeliverer(IWebhookDeliveryClient github, IIngressStore inbox)
{
    /// <returns>How many deliveries were asked again.</returns>
    public async Task<int> RedeliverAsync(WebhookSource source, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var delivered = new HashSet<string>(StringComparer.Ordinal);

        // Newest first, so the first failed attempt seen for a delivery is its latest one.
        var failed = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var attempt in github.ListWebhookDeliveriesAsync(source, cancellationToken))
        {
            if (attempt.DeliveredAt < since)
            {
                break;
            }

            if (attempt.Succeeded)
            {
                delivered.Add(attempt.DeliveryGuid);
            }
            else
            {
                failed.TryAdd(attempt.DeliveryGuid, attempt.Id);
            }
        }

        failed = failed.Where(f => !delivered.Contains(f.Key)).ToDictionary(StringComparer.Ordinal);
        if (failed.Count == 0)
        {
            return 0;
        }

        var stored = await inbox.FindDedupeKeysAsync(failed.Keys, cancellationToken);
        var asked = 0;
        foreach (var (guid, attemptId) in failed)
        {
            if (!stored.Contains(guid))
            {
                await github.RedeliverWebhookAsync(source, attemptId, cancellationToken);
                asked++;
            }
        }

        return asked;
    }
}
