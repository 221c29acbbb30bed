using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Prow.TestKit.ObjectStorage;

/// <summary>
/// Google Cloud Storage's JSON API on loopback: objects uploaded (resumable, multipart or media uploads), downloaded
/// (<c>alt=media</c>), described, and listed with prefix, delimiter and pages. It is also the OAuth token endpoint of
/// the service account key it writes: a token is issued only for a JWT signed with that key, and every storage call
/// must carry an issued token. Every call is recorded.
/// </summary>
public sealed class FakeGcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, FakeGcsObject>> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingUpload> _uploads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];
    private readonly RSA _key = RSA.Create(2048);

    private FakeGcsServer()
    {
        _app = LoopbackApp.CreateBuilder().Build();
        _app.Run(HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The service account the key file names.</summary>
    public static string ClientEmail => "prow-uploader@fake-project.iam.gserviceaccount.com";

    /// <summary>Largest page a list returns, whatever the client asks (small, so tests cross pages).</summary>
    public int PageSize { get; set; } = 1000;

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<FakeGcsServer> StartAsync()
    {
        var server = new FakeGcsServer();
        server.BaseAddress = await LoopbackApp.StartAsync(server._app, CancellationToken.None);
        return server;
    }

    public void CreateBucket(string name)
    {
        lock (_lock)
        {
            _buckets.TryAdd(name, new SortedDictionary<string, FakeGcsObject>(StringComparer.Ordinal));
        }
    }

    /// <summary>Puts an object straight into a bucket, as another writer (Prow itself) would have.</summary>
    public void PutObject(string bucket, string name, byte[] data, string contentType = "application/octet-stream")
    {
        lock (_lock)
        {
            _buckets[bucket][name] = new FakeGcsObject(data, contentType);
        }
    }

    public void PutObject(string bucket, string name, string text) => PutObject(bucket, name, Encoding.UTF8.GetBytes(text), "text/plain");

    /// <summary>An object's bytes, or null.</summary>
    public byte[]? ObjectBytes(string bucket, string name)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var objects) && objects.TryGetValue(name, out var o) ? o.Data : null;
        }
    }

    public string? ObjectContentType(string bucket, string name)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var objects) && objects.TryGetValue(name, out var o) ? o.ContentType : null;
        }
    }

    public IReadOnlyList<string> Names(string bucket)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var objects) ? [.. objects.Keys] : [];
        }
    }

    /// <summary>Writes a service account key file (Prow's <c>--gcs-credentials-file</c>) whose token endpoint is this server.</summary>
    public string WriteServiceAccountKey(string path)
    {
        var key = new JsonObject
        {
            ["type"] = "service_account",
            ["project_id"] = "fake-project",
            ["private_key_id"] = "fake-key-1",
            ["private_key"] = _key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ClientEmail,
            ["client_id"] = "1234567890",
            ["auth_uri"] = new Uri(BaseAddress, "o/oauth2/auth").ToString(),
            ["token_uri"] = new Uri(BaseAddress, "token").ToString(),
        };
        File.WriteAllText(path, key.ToJsonString());
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        // The raw target keeps %2F inside object names, which the decoded path would turn into separators.
        var target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var rawPath = target.Split('?')[0];
        lock (_lock)
        {
            _calls.Add($"{request.Method} {target}");
        }

        if (request.Method == "POST" && rawPath == "/token")
        {
            await TokenAsync(http);
            return;
        }

        if (!IsAuthorized(request))
        {
            await ErrorAsync(http, HttpStatusCode.Unauthorized, "Invalid Credentials");
            return;
        }

        var segments = rawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        switch (segments)
        {
            case ["storage", "v1", "b", var bucket, "o"] when request.Method == "GET":
                await ListAsync(http, bucket);
                return;
            case ["storage", "v1", "b", var bucket, "o", var name] when request.Method == "GET":
                await GetAsync(http, bucket, name);
                return;
            case ["upload", "storage", "v1", "b", var bucket, "o"] when request.Method == "POST":
                await StartUploadAsync(http, bucket);
                return;
            case ["upload", "storage", "v1", "b", _, "o"] when request.Method == "PUT" && request.Query["upload_id"].ToString() is { Length: > 0 } id:
                await ContinueUploadAsync(http, id);
                return;
            default:
                await ErrorAsync(http, HttpStatusCode.NotImplemented, $"{request.Method} {rawPath} is not served by the fake");
                return;
        }
    }

    private bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        lock (_lock)
        {
            return header.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.Contains(header["Bearer ".Length..]);
        }
    }

    /// <summary>OAuth's JWT bearer grant: the assertion must be signed with the key this server wrote, for its account.</summary>
    private async Task TokenAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var parts = form["assertion"].ToString().Split('.');
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || parts.Length != 3
            || !_key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            || JsonNode.Parse(Base64Url(parts[1]))?["iss"]?.GetValue<string>() != ClientEmail)
        {
            http.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            await http.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = "Invalid JWT Signature." });
            return;
        }

        var token = "fake-gcs-token-" + Guid.NewGuid().ToString("N");
        lock (_lock)
        {
            _tokens.Add(token);
        }

        await http.Response.WriteAsJsonAsync(new { access_token = token, expires_in = 3600, token_type = "Bearer" });
    }

    private async Task ListAsync(HttpContext http, string bucket)
    {
        if (Bucket(bucket) is not { } objects)
        {
            await ErrorAsync(http, HttpStatusCode.NotFound, "The specified bucket does not exist.");
            return;
        }

        var query = http.Request.Query;
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var after = query["pageToken"].ToString();
        var max = Math.Min(PageSize, int.TryParse(query["maxResults"], out var m) ? m : 1000);
        var items = new JsonArray();
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        string? next = null;
        lock (_lock)
        {
            foreach (var (name, o) in objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(o.Key, after) >= 0))
            {
                var rest = name[prefix.Length..];
                var cut = delimiter.Length > 0 ? rest.IndexOf(delimiter, StringComparison.Ordinal) : -1;
                var common = cut >= 0 ? prefix + rest[..(cut + delimiter.Length)] : null;
                if (common is not null && prefixes.Contains(common))
                {
                    continue;
                }

                if (items.Count + prefixes.Count >= max)
                {
                    next = name;
                    break;
                }

                if (common is not null)
                {
                    prefixes.Add(common);
                }
                else
                {
                    items.Add(Describe(bucket, name, o));
                }
            }
        }

        var page = new JsonObject { ["kind"] = "storage#objects", ["items"] = items, ["prefixes"] = new JsonArray([.. prefixes.Select(p => (JsonNode?)p)]) };
        if (next is not null)
        {
            // The token is the name this page stopped before; the next page starts at it.
            page["nextPageToken"] = next;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(page.ToJsonString());
    }

    private async Task GetAsync(HttpContext http, string bucket, string name)
    {
        FakeGcsObject? found = null;
        lock (_lock)
        {
            Bucket(bucket)?.TryGetValue(name, out found);
        }

        if (found is null)
        {
            await ErrorAsync(http, HttpStatusCode.NotFound, $"No such object: {bucket}/{name}");
            return;
        }

        if (http.Request.Query["alt"] == "media")
        {
            http.Response.ContentType = found.ContentType;
            http.Response.ContentLength = found.Data.Length;
            await http.Response.Body.WriteAsync(found.Data);
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Describe(bucket, name, found).ToJsonString());
    }

    /// <summary>
    /// <c>uploadType=resumable</c> opens a session (its metadata in the body) answered with its address; <c>multipart</c>
    /// carries metadata and content in one body; <c>media</c> carries the content, named in the query.
    /// </summary>
    private async Task StartUploadAsync(HttpContext http, string bucket)
    {
        if (Bucket(bucket) is null)
        {
            await ErrorAsync(http, HttpStatusCode.NotFound, "The specified bucket does not exist.");
            return;
        }

        var query = http.Request.Query;
        using var raw = await ReadBodyAsync(http.Request);
        switch (query["uploadType"].ToString())
        {
            case "resumable":
                var metadata = raw.Length > 0 ? JsonNode.Parse(raw.ToArray()) : null;
                var name = metadata?["name"]?.GetValue<string>() ?? query["name"].ToString();
                var contentType = metadata?["contentType"]?.GetValue<string>() ?? http.Request.Headers["X-Upload-Content-Type"].ToString();
                var id = Guid.NewGuid().ToString("N");
                lock (_lock)
                {
                    _uploads[id] = new PendingUpload(bucket, name, contentType.Length > 0 ? contentType : "application/octet-stream", new MemoryStream());
                }

                http.Response.Headers.Location = new Uri(BaseAddress, $"upload/storage/v1/b/{Uri.EscapeDataString(bucket)}/o?uploadType=resumable&upload_id={id}").ToString();
                return;
            case "media":
                await StoreAsync(http, bucket, query["name"].ToString(), raw.ToArray(), http.Request.ContentType ?? "application/octet-stream");
                return;
            case "multipart":
                var (meta, data, type) = Multipart(raw.ToArray(), http.Request.ContentType!);
                await StoreAsync(http, bucket, meta["name"]?.GetValue<string>() ?? query["name"].ToString(), data, meta["contentType"]?.GetValue<string>() ?? type);
                return;
            default:
                await ErrorAsync(http, HttpStatusCode.BadRequest, $"uploadType '{query["uploadType"]}' is not served by the fake");
                return;
        }
    }

    /// <summary>A chunk of a resumable upload (<c>Content-Range: bytes a-b/total</c>, or <c>bytes */total</c> to finish or ask).</summary>
    private async Task ContinueUploadAsync(HttpContext http, string id)
    {
        PendingUpload? upload;
        lock (_lock)
        {
            _uploads.TryGetValue(id, out upload);
        }

        if (upload is null)
        {
            await ErrorAsync(http, HttpStatusCode.NotFound, "No such upload session.");
            return;
        }

        using (var chunk = await ReadBodyAsync(http.Request))
        {
            chunk.WriteTo(upload.Content);
        }

        var range = http.Request.Headers.ContentRange.ToString();
        var total = range.LastIndexOf('/') is var slash and >= 0 && long.TryParse(range[(slash + 1)..], CultureInfo.InvariantCulture, out var t) ? t : (long?)null;
        if (total is null || upload.Content.Length < total)
        {
            http.Response.StatusCode = 308;
            if (upload.Content.Length > 0)
            {
                http.Response.Headers.Range = $"bytes=0-{upload.Content.Length - 1}";
            }

            return;
        }

        lock (_lock)
        {
            _uploads.Remove(id);
        }

        await StoreAsync(http, upload.Bucket, upload.Name, upload.Content.ToArray(), upload.ContentType);
    }

    private async Task StoreAsync(HttpContext http, string bucket, string name, byte[] data, string contentType)
    {
        if (name.Length == 0)
        {
            await ErrorAsync(http, HttpStatusCode.BadRequest, "Required parameter: name");
            return;
        }

        var stored = new FakeGcsObject(data, contentType);
        lock (_lock)
        {
            _buckets[bucket][name] = stored;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Describe(bucket, name, stored).ToJsonString());
    }

    /// <summary>The body, inflated when the client compressed it (Google's clients gzip request bodies by default).</summary>
    private static async Task<MemoryStream> ReadBodyAsync(HttpRequest request)
    {
        var body = new MemoryStream();
        if (request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new System.IO.Compression.GZipStream(request.Body, System.IO.Compression.CompressionMode.Decompress);
            await gzip.CopyToAsync(body);
        }
        else
        {
            await request.Body.CopyToAsync(body);
        }

        return body;
    }

    private SortedDictionary<string, FakeGcsObject>? Bucket(string name)
    {
        lock (_lock)
        {
            return _buckets.GetValueOrDefault(name);
        }
    }

    private static (JsonNode Metadata, byte[] Data, string ContentType) Multipart(byte[] body, string contentType)
    {
        var boundary = "--" + contentType.Split("boundary=")[1].Trim('"');
        var text = Encoding.Latin1.GetString(body);
        var parts = text.Split(boundary).Where(p => p.Length > 0 && !p.StartsWith("--", StringComparison.Ordinal)).ToArray();
        static (string Headers, string Body) Split(string part)
        {
            var at = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return (part[..at], part[(at + 4)..^2]);
        }

        var (_, json) = Split(parts[0]);
        var (headers, media) = Split(parts[1]);
        var type = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim() ?? "application/octet-stream";
        return (JsonNode.Parse(json)!, Encoding.Latin1.GetBytes(media), type);
    }

    private static JsonObject Describe(string bucket, string name, FakeGcsObject o) => new()
    {
        ["kind"] = "storage#object",
        ["id"] = $"{bucket}/{name}/1",
        ["name"] = name,
        ["bucket"] = bucket,
        ["generation"] = "1",
        ["metageneration"] = "1",
        ["contentType"] = o.ContentType,
        ["size"] = o.Data.Length.ToString(CultureInfo.InvariantCulture),
#pragma warning disable CA5351 // GCS describes objects by their MD5; nothing here relies on it for security.
        ["md5Hash"] = Convert.ToBase64String(MD5.HashData(o.Data)),
#pragma warning restore CA5351
        ["timeCreated"] = "2026-01-01T00:00:00.000Z",
        ["updated"] = "2026-01-01T00:00:00.000Z",
    };

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private static async Task ErrorAsync(HttpContext http, HttpStatusCode status, string message)
    {
        http.Response.StatusCode = (int)status;
        http.Response.ContentType = "application/json";
        var reason = status switch
        {
            HttpStatusCode.NotFound => "notFound",
            HttpStatusCode.Unauthorized => "authError",
            _ => "invalid",
        };
        await http.Response.WriteAsync(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = (int)status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason }),
            },
        }.ToJsonString());
    }

    private sealed record FakeGcsObject(byte[] Data, string ContentType);

    private sealed record PendingUpload(string Bucket, string Name, string ContentType, MemoryStream Content);
}
