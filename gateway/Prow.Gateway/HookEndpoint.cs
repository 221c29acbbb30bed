using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prow.Clients.GitHub.Events;
using Prow.Gateway.ExternalPlugins;
using Prow.Ingress;

namespace Prow.Gateway;

/// <summary>
/// <c>POST /hook</c>, Prow's hook validation in Prow's order, with one difference that matters: the answer comes
/// only after the delivery is committed to the durable inbox, so a 200 means it will be handled even after a crash.
/// </summary>
public static class HookEndpoint
{
    /// <summary>GitHub caps webhook payloads at 25 MB.</summary>
    public const long MaxPayloadBytes = 25 * 1024 * 1024;

    public static IEndpointConventionBuilder MapHook(this IEndpointRouteBuilder endpoints, string path = "/hook")
    {
        endpoints.MapMethods(path, ["GET", "PUT", "PATCH", "DELETE"], () => Results.Text("405 Method not allowed", statusCode: StatusCodes.Status405MethodNotAllowed));
        return endpoints.MapPost(path, HandleAsync);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, HmacSecrets secrets, WebhookBodyBudget budget, HookOptions options, IngressPipeline ingress, TimeProvider time, HookMetrics metrics, ExternalPluginRouting externalPlugins, ExternalPluginMetrics externalMetrics)
    {
        var result = await ValidateAndAcceptAsync(context, secrets, budget, options, ingress, time, externalPlugins, externalMetrics);
        metrics.Responded(result.StatusCode);
        return Results.Text(result.Message, statusCode: result.StatusCode);
    }

    private static async Task<(int StatusCode, string Message)> ValidateAndAcceptAsync(HttpContext context, HmacSecrets secrets, WebhookBodyBudget budget, HookOptions options, IngressPipeline ingress, TimeProvider time, ExternalPluginRouting externalPlugins, ExternalPluginMetrics externalMetrics)
    {
        var request = context.Request;
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        if (eventName.Length == 0)
        {
            return (400, "400 Bad Request: Missing X-GitHub-Event Header");
        }

        var deliveryId = request.Headers["X-GitHub-Delivery"].ToString();
        if (deliveryId.Length == 0)
        {
            return (400, "400 Bad Request: Missing X-GitHub-Delivery Header");
        }

        var signature = request.Headers["X-Hub-Signature-256"].ToString();
        if (signature.Length == 0)
        {
            return (401, "401 Unauthorized: Missing X-Hub-Signature-256");
        }

        if (!string.Equals(request.ContentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (400, "400 Bad Request: Hook only accepts content-type: application/json - please reconfigure this hook on GitHub");
        }

        if (request.ContentLength > MaxPayloadBytes)
        {
            return (413, "413 Payload Too Large");
        }

        // A signature that is not sha256= and 64 hex digits can sign nothing: refused before a byte of the body is read.
        if (!IsWellFormedSignature(signature))
        {
            return (401, "401 Unauthorized: Invalid X-Hub-Signature-256");
        }

        // Room for the body is reserved before it is read, so however many posts arrive, only the budget's worth of
        // bodies is in memory while signatures are checked; the rest wait their turn.
        IDisposable reservation;
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted))
        {
            wait.CancelAfter(options.BodyWait);
            try
            {
                reservation = await budget.ReserveAsync(request.ContentLength ?? MaxPayloadBytes, wait.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                return (503, "503 Service Unavailable: too many webhook bodies are being read, deliver again");
            }
            catch (OperationCanceledException)
            {
                return (400, "400 Bad Request: the sender hung up");
            }
        }

        byte[] body;
        using (reservation)
        {
            PooledBody pooled;
            try
            {
                pooled = await PooledBody.ReadAsync(request.Body, budget.Pool, MaxPayloadBytes, context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return (413, "413 Payload Too Large");
            }
            catch (Exception ex) when (ex is BadHttpRequestException or IOException or OperationCanceledException)
            {
                // The sender stopped short of its Content-Length, hung up, or was cut off for sending too slowly: a bad
                // request like any other, answered if the connection still can be, and counted.
                return (400, "400 Bad Request: the body ended before its Content-Length");
            }

            using (pooled)
            {
                // Per-org or per-repo secrets: the payload names whose secret signs it. With one secret nothing is read first.
                var (fullName, organization) = secrets.IsScoped ? SigningScope(pooled.AsSequence()) : (null, null);
                if (!secrets.IsValid(pooled.Segments(), signature, fullName, organization))
                {
                    return (401, "401 Unauthorized: Invalid X-Hub-Signature-256");
                }

                body = pooled.ToArray();
            }
        }

        if (!TryRoute(eventName, body, out var route, out var malformed))
        {
            return (400, $"400 Bad Request: {malformed}");
        }

        var payload = WebhookEnvelope.Serialize(eventName, deliveryId, time.GetUtcNow(), route, body);
        try
        {
            // The forwards are stored before the webhook: should prow die between the two, GitHub's redelivery finds
            // them already stored (each is deduplicated by delivery and plugin) and stores the webhook.
            var forwards = externalPlugins.For(eventName, route.Repository)
                .Select(p => new ExternalPluginForward(p.Name, p.Endpoint, eventName, deliveryId, signature, body))
                .ToList();
            var stored = await Task.WhenAll(forwards.Select(f => ingress.AcceptAsync(new IngressMessage(ExternalPluginForward.IngressKind, f.DedupeKey, f.Serialize()), context.RequestAborted)));
            for (var i = 0; i < forwards.Count; i++)
            {
                if (!stored[i].Duplicate)
                {
                    externalMetrics.Queued(forwards[i].Plugin, forwards[i].Endpoint);
                }
            }

            await ingress.AcceptAsync(new IngressMessage(WebhookEnvelope.IngressKind, deliveryId, payload), context.RequestAborted);
        }
        catch (InvalidOperationException)
        {
            return (503, "503 Service Unavailable: shutting down, deliver again");
        }

        return (200, "Event received. Have a nice day.");
    }

    private static readonly System.Buffers.SearchValues<char> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static bool IsWellFormedSignature(string signature) =>
        signature.StartsWith("sha256=", StringComparison.Ordinal) && signature.Length == "sha256=".Length + 64
        && !signature.AsSpan("sha256=".Length).ContainsAnyExcept(s_hexDigits);

    /// <summary>
    /// The one parse after the signature check: a handled event into its type (a body that is not that event is
    /// refused), any other event far enough to find its repository. Either way the route is stored with the delivery.
    /// </summary>
    private static bool TryRoute(string eventName, byte[] body, out WebhookRoute route, out string? error)
    {
        route = new WebhookRoute(null, null, null);
        if (!IsJsonObject(body))
        {
            error = "the body is not a JSON object";
            return false;
        }

        if (WebhookEventParser.IsHandled(eventName))
        {
            if (!WebhookEventParser.TryParse(eventName, body, out var parsed, out error))
            {
                return false;
            }

            route = WebhookRoute.From(parsed!);
            return true;
        }

        error = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            route = WebhookRoute.From(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            error = "the body is not a JSON object";
            return false;
        }
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] == (byte)'{';
    }

    /// <summary>The repository and organization whose secret signs the body (read only when secrets are per org or repo).</summary>
    private static (string? FullName, string? Organization) SigningScope(System.Buffers.ReadOnlySequence<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? (StringAt(root, "repository", "full_name"), StringAt(root, "organization", "login")) : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringAt(JsonElement root, string objectName, string propertyName) =>
        root.TryGetProperty(objectName, out var obj) && obj.ValueKind == JsonValueKind.Object
        && obj.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
