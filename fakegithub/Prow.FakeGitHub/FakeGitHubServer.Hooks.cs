using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Prow.FakeGitHub;

/// <summary>
/// Webhooks as GitHub sends them: each delivery is POSTed, signed, to its hook's URL and recorded with the answer
/// (a hook that cannot be reached is recorded as failed); the deliveries APIs list the attempts newest first with
/// cursor pagination, and a redelivery attempt sends the stored payload again under the same <c>X-GitHub-Delivery</c>.
/// </summary>
public sealed partial class FakeGitHubServer
{
    private readonly List<FakeHook> _hooks = [];
    private readonly List<FakeHookDelivery> _deliveries = [];
    private readonly HttpClient _hookSender = new() { Timeout = TimeSpan.FromSeconds(10) };
    private long _nextHookId = 1;
    private long _nextDeliveryId = 1000;

    /// <summary>The GitHub App's webhook (its deliveries are read with the App's JWT).</summary>
    public FakeHook SetAppHook(Uri url, string secret) => AddHook(null, null, url, secret);

    public FakeHook AddOrganizationHook(string org, Uri url, string secret) => AddHook(org, null, url, secret);

    public FakeHook AddRepositoryHook(string fullName, Uri url, string secret)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var parts = fullName.Split('/');
        return AddHook(parts[0], parts[1], url, secret);
    }

    /// <summary>Every attempt to deliver to <paramref name="hook"/>, oldest first.</summary>
    public IReadOnlyList<FakeHookDelivery> DeliveriesTo(FakeHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_lock)
        {
            return [.. _deliveries.Where(d => d.HookId == hook.Id)];
        }
    }

    /// <summary>Sends an event to the hook as GitHub would (a new <c>X-GitHub-Delivery</c>) and records the attempt.</summary>
    public Task<FakeHookDelivery> DeliverAsync(FakeHook hook, string eventName, byte[] payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ArgumentNullException.ThrowIfNull(payload);
        return SendToHookAsync(hook, Guid.NewGuid().ToString(), eventName, ActionOf(payload), payload, redelivery: false, cancellationToken);
    }

    private FakeHook AddHook(string? org, string? repo, Uri url, string secret)
    {
        lock (_lock)
        {
            var hook = new FakeHook(org is null ? 0 : _nextHookId++, org, repo, url, secret);
            _hooks.RemoveAll(h => h.Org is null && org is null);
            _hooks.Add(hook);
            return hook;
        }
    }

    private async Task<FakeHookDelivery> SendToHookAsync(FakeHook hook, string guid, string eventName, string? action, byte[] payload, bool redelivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", guid);
        request.Headers.Add("X-GitHub-Hook-ID", hook.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Hub-Signature-256", SignedWebhook.Sign(hook.Secret, payload));
        int statusCode;
        string status;
        try
        {
            using var response = await _hookSender.SendAsync(request, cancellationToken);
            statusCode = (int)response.StatusCode;
            status = response.IsSuccessStatusCode ? "OK" : $"Invalid HTTP Response: {statusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            statusCode = 0;
            status = "failed to connect to host";
        }

        lock (_lock)
        {
            var delivery = new FakeHookDelivery(_nextDeliveryId++, hook.Id, guid, Clock.GetUtcNow(), redelivery, statusCode, status, eventName, action, payload);
            _deliveries.Add(delivery);
            return delivery;
        }
    }

    private void MapHookRoutes(WebApplication app)
    {
        app.MapGet("/app/hook/deliveries", (HttpContext c) => ListDeliveries(c, AppHook()));
        app.MapPost("/app/hook/deliveries/{delivery_id:long}/attempts", (Func<HttpContext, Task<IResult>>)(c => RedeliverAsync(c, AppHook())));
        app.MapGet("/orgs/{org}/hooks/{hook_id:long}/deliveries", (HttpContext c) => ListDeliveries(c, Hook(Value(c, "org"), null, c)));
        app.MapPost("/orgs/{org}/hooks/{hook_id:long}/deliveries/{delivery_id:long}/attempts", (Func<HttpContext, Task<IResult>>)(c => RedeliverAsync(c, Hook(Value(c, "org"), null, c))));
        app.MapGet("/repos/{owner}/{repo}/hooks/{hook_id:long}/deliveries", (HttpContext c) => ListDeliveries(c, Hook(Value(c, "owner"), Value(c, "repo"), c)));
        app.MapPost("/repos/{owner}/{repo}/hooks/{hook_id:long}/deliveries/{delivery_id:long}/attempts", (Func<HttpContext, Task<IResult>>)(c => RedeliverAsync(c, Hook(Value(c, "owner"), Value(c, "repo"), c))));
    }

    private FakeHook? AppHook()
    {
        lock (_lock)
        {
            return _hooks.FirstOrDefault(h => h.Org is null);
        }
    }

    private FakeHook? Hook(string org, string? repo, HttpContext context)
    {
        var id = long.Parse(Value(context, "hook_id"), CultureInfo.InvariantCulture);
        lock (_lock)
        {
            return _hooks.FirstOrDefault(h => h.Id == id && string.Equals(h.Org, org, StringComparison.OrdinalIgnoreCase) && string.Equals(h.Repo, repo, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Newest first; <c>cursor</c> names the attempt a page starts at, and the Link header the next page's.</summary>
    private IResult ListDeliveries(HttpContext context, FakeHook? hook)
    {
        if (hook is null)
        {
            return FakeJson.NotFound();
        }

        var query = context.Request.Query;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var p) ? p : 30, 1, 100);
        var cursor = long.TryParse(query["cursor"], CultureInfo.InvariantCulture, out var c) ? c : long.MaxValue;
        List<FakeHookDelivery> page;
        FakeHookDelivery? next;
        lock (_lock)
        {
            var newestFirst = _deliveries.Where(d => d.HookId == hook.Id && d.Id <= cursor).OrderByDescending(d => d.Id).Take(perPage + 1).ToList();
            page = [.. newestFirst.Take(perPage)];
            next = newestFirst.Count > perPage ? newestFirst[perPage] : null;
        }

        if (next is not null)
        {
            var parameters = query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
            parameters["cursor"] = next.Id.ToString(CultureInfo.InvariantCulture);
            var origin = context.Items[Paging.LinkBaseKey] is Uri linkBase ? linkBase.GetLeftPart(UriPartial.Authority) : $"{context.Request.Scheme}://{context.Request.Host}";
            context.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(origin + context.Request.Path, parameters)}>; rel=\"next\"";
        }

        return FakeJson.Ok(page.Select(d => new
        {
            id = d.Id,
            guid = d.DeliveryGuid,
            delivered_at = d.DeliveredAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            redelivery = d.Redelivery,
            duration = 0.05,
            status = d.Status,
            status_code = d.StatusCode,
            @event = d.Event,
            action = d.Action,
            installation_id = (long?)null,
            repository_id = (long?)null,
        }));
    }

    private async Task<IResult> RedeliverAsync(HttpContext context, FakeHook? hook)
    {
        var id = long.Parse(Value(context, "delivery_id"), CultureInfo.InvariantCulture);
        FakeHookDelivery? original;
        lock (_lock)
        {
            original = hook is null ? null : _deliveries.FirstOrDefault(d => d.Id == id && d.HookId == hook.Id);
        }

        if (original is null)
        {
            return FakeJson.NotFound();
        }

        // GitHub queues the attempt and answers 202; the fake sends it before answering, so a test sees it recorded.
        await SendToHookAsync(hook!, original.DeliveryGuid, original.Event, original.Action, original.Payload, redelivery: true, context.RequestAborted);
        return FakeJson.Ok(new { }, 202);
    }

    private static string? ActionOf(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String
                ? action.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
