using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    internal const string BodyKey = "fake-github-body";

    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        request.EnableBuffering();
        var body = await new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true).ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        context.Items[BodyKey] = body;
        context.Items[Paging.LinkBaseKey] = LinkBaseAddress;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Task hold;
        lock (_lock)
        {
            _calls.Add(new RecordedCall(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body));
            hold = _hold?.Task ?? Task.CompletedTask;
        }

        await hold;
        var resource = request.Path.StartsWithSegments("/search", StringComparison.Ordinal) ? "search" : "core";
        if (TakeFailure(request.Path.Value ?? "") is { } failure)
        {
            await WriteFailureAsync(context, failure, resource);
            return;
        }

        if (Unauthorized(request) is { } why)
        {
            await WriteAsync(context, 401, FakeJson.ErrorBytes(why), resource, consume: false);
            return;
        }

        if (RateLimit(resource).Remaining <= 0)
        {
            await WriteAsync(context, 403, FakeJson.ErrorBytes("API rate limit exceeded for user."), resource, consume: false);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        var status = context.Response.StatusCode;
        if (HttpMethods.IsGet(request.Method) && status == 200)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";
            context.Response.Headers.ETag = etag;
            if (request.Headers.IfNoneMatch.ToString() == etag)
            {
                // A conditional hit: GitHub sends no body and charges no rate limit.
                context.Response.Headers.ContentType = default;
                await WriteAsync(context, 304, [], resource, consume: false);
                return;
            }
        }

        await WriteAsync(context, status, bytes, resource, consume: true);
    }

    private async Task WriteAsync(HttpContext context, int status, byte[] bytes, string resource, bool consume)
    {
        RateBudget budget;
        lock (_lock)
        {
            budget = Budget(resource);
            if (consume)
            {
                _budgets[resource] = budget = budget with { Remaining = Math.Max(0, budget.Remaining - 1) };
            }
        }

        var response = context.Response;
        response.StatusCode = status;
        response.Headers["X-RateLimit-Limit"] = budget.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = budget.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Used"] = (budget.Limit - budget.Remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = budget.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Resource"] = resource;
        if (bytes.Length > 0)
        {
            if (string.IsNullOrEmpty(response.ContentType))
            {
                response.ContentType = "application/json; charset=utf-8";
            }

            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private Task WriteFailureAsync(HttpContext context, FailureRule failure, string resource)
    {
        if (failure.RetryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return WriteAsync(context, failure.Status, FakeJson.ErrorBytes(failure.Message), resource, consume: false);
    }

    private FailureRule? TakeFailure(string path)
    {
        lock (_lock)
        {
            var rule = _failures.FirstOrDefault(f => f.Remaining > 0 && (f.PathPrefix is null || path.StartsWith(f.PathPrefix, StringComparison.Ordinal)));
            if (rule is not null)
            {
                rule.Remaining--;
            }

            return rule;
        }
    }

    /// <returns>Why the request is refused, or null when it may proceed.</returns>
    private string? Unauthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..]
            : header.StartsWith("token ", StringComparison.Ordinal) ? header[6..] : null;
        if (IsAppPath(request.Path.Value ?? ""))
        {
            return AppPublicKey is null || (token is not null && ValidJwt(token, AppPublicKey)) ? null : "A JSON web token could not be decoded";
        }

        lock (_lock)
        {
            if (token is not null && _mintedTokens.TryGetValue(token, out var expires))
            {
                return Clock.GetUtcNow() < expires ? null : "Bad credentials (installation token expired)";
            }

            return AcceptedTokens.Count == 0 || (token is not null && AcceptedTokens.Contains(token)) ? null : "Bad credentials";
        }
    }

    private static bool IsAppPath(string path) =>
        path == "/app" || path.StartsWith("/app/", StringComparison.Ordinal) || path.EndsWith("/installation", StringComparison.Ordinal);

    private bool ValidJwt(string jwt, RSA key)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3 ||
            !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return false;
        }

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        var iat = payload.RootElement.GetProperty("iat").GetInt64();
        var exp = payload.RootElement.GetProperty("exp").GetInt64();
        return iat <= now && exp > now && exp - now <= 600;
    }
}
