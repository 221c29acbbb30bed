namespace Prow.Clients.GitHub;

/// <summary>GitHub's record of the webhooks it sent (the past three days), and asking it to send one again.</summary>
public interface IWebhookDeliveryClient
{
    /// <summary>Delivery attempts of <paramref name="source"/>, newest first, a page at a time (GitHub's cursor pagination): stop reading to stop asking.</summary>
    IAsyncEnumerable<WebhookDeliveryAttempt> ListWebhookDeliveriesAsync(WebhookSource source, CancellationToken cancellationToken);

    /// <summary>Asks GitHub to deliver again the attempt <paramref name="deliveryId"/> (the same payload and <c>X-GitHub-Delivery</c>).</summary>
    Task RedeliverWebhookAsync(WebhookSource source, long deliveryId, CancellationToken cancellationToken);
}
