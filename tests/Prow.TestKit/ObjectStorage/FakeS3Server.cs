using System.Globalization;
using System.Net;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.TestKit.ObjectStorage;

/// <summary>
/// An S3-shaped object store on loopback with path-style addressing (as MinIO serves it): PUT, GET and HEAD of
/// objects and ListObjectsV2 with prefix, delimiter and pages. It accepts plain and aws-chunked (streaming-signed)
/// bodies, refuses requests not signed with its access key, and records every call.
/// </summary>
public sealed class FakeS3Server : IAsyncDisposable
{
    private const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<string, byte[]>> _buckets = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];

    private FakeS3Server(string accessKey)
    {
        AccessKey = accessKey;
        _app = LoopbackApp.CreateBuilder().Build();
        _app.Run(HandleAsync);
    }

    public string AccessKey { get; }

    public Uri BaseAddress { get; private set; } = null!;

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

    public static async Task<FakeS3Server> StartAsync(string accessKey = "test-access-key")
    {
        var server = new FakeS3Server(accessKey);
        server.BaseAddress = await LoopbackApp.StartAsync(server._app, CancellationToken.None);
        return server;
    }

    public void CreateBucket(string name)
    {
        lock (_lock)
        {
            _buckets.TryAdd(name, new SortedDictionary<string, byte[]>(StringComparer.Ordinal));
        }
    }

    /// <summary>An object's bytes, or null.</summary>
    public byte[]? ObjectBytes(string bucket, string key)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var objects) && objects.TryGetValue(key, out var data) ? data : null;
        }
    }

    public IReadOnlyList<string> Keys(string bucket)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(bucket, out var objects) ? [.. objects.Keys] : [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        lock (_lock)
        {
            _calls.Add($"{request.Method} {request.Path}{request.QueryString}");
        }

        if (!request.Headers.Authorization.ToString().StartsWith($"AWS4-HMAC-SHA256 Credential={AccessKey}/", StringComparison.Ordinal))
        {
            await ErrorAsync(http, HttpStatusCode.Forbidden, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
            return;
        }

        var path = Uri.UnescapeDataString(request.Path.Value!.TrimStart('/'));
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? path : path[..slash];
        var key = slash < 0 ? "" : path[(slash + 1)..];
        SortedDictionary<string, byte[]>? objects;
        lock (_lock)
        {
            _buckets.TryGetValue(bucket, out objects);
        }

        if (objects is null)
        {
            await ErrorAsync(http, HttpStatusCode.NotFound, "NoSuchBucket", "The specified bucket does not exist.");
            return;
        }

        switch (request.Method)
        {
            case "PUT" when key.Length > 0:
                var body = await ReadBodyAsync(request);
                lock (_lock)
                {
                    objects[key] = body;
                }

                http.Response.Headers.ETag = ETag(body);
                return;
            case "GET" or "HEAD" when key.Length > 0:
                byte[]? data;
                lock (_lock)
                {
                    objects.TryGetValue(key, out data);
                }

                if (data is null)
                {
                    await ErrorAsync(http, HttpStatusCode.NotFound, "NoSuchKey", "The specified key does not exist.");
                    return;
                }

                http.Response.ContentLength = data.Length;
                http.Response.ContentType = "application/octet-stream";
                http.Response.Headers.ETag = ETag(data);
                if (request.Method == "GET")
                {
                    await http.Response.Body.WriteAsync(data);
                }

                return;
            case "GET" when request.Query["list-type"] == "2":
                await ListAsync(http, bucket, objects);
                return;
            default:
                await ErrorAsync(http, HttpStatusCode.NotImplemented, "NotImplemented", $"{request.Method} {request.Path} is not served by the fake.");
                return;
        }
    }

    private async Task ListAsync(HttpContext http, string bucket, SortedDictionary<string, byte[]> objects)
    {
        var query = http.Request.Query;
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var after = query["continuation-token"].ToString();
        var max = int.TryParse(query["max-keys"], out var m) ? m : 1000;
        List<(string Key, int Size, string ETag)> contents = [];
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        string? last = null;
        var truncated = false;
        lock (_lock)
        {
            foreach (var (key, data) in objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(o.Key, after) > 0))
            {
                if (contents.Count + prefixes.Count >= max)
                {
                    truncated = true;
                    break;
                }

                var rest = key[prefix.Length..];
                var cut = delimiter.Length > 0 ? rest.IndexOf(delimiter, StringComparison.Ordinal) : -1;
                if (cut >= 0)
                {
                    prefixes.Add(prefix + rest[..(cut + delimiter.Length)]);
                }
                else
                {
                    contents.Add((key, data.Length, ETag(data)));
                }

                last = key;
            }
        }

        var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"{Namespace}\">");
        xml.Append(CultureInfo.InvariantCulture, $"<Name>{Escape(bucket)}</Name><Prefix>{Escape(prefix)}</Prefix><KeyCount>{contents.Count + prefixes.Count}</KeyCount><MaxKeys>{max}</MaxKeys>");
        xml.Append(CultureInfo.InvariantCulture, $"<Delimiter>{Escape(delimiter)}</Delimiter><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>");
        if (truncated)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<NextContinuationToken>{Escape(last!)}</NextContinuationToken>");
        }

        foreach (var (key, size, etag) in contents)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Contents><Key>{Escape(key)}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>{Escape(etag)}</ETag><Size>{size}</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        foreach (var p in prefixes)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<CommonPrefixes><Prefix>{Escape(p)}</Prefix></CommonPrefixes>");
        }

        xml.Append("</ListBucketResult>");
        http.Response.ContentType = "application/xml";
        await http.Response.WriteAsync(xml.ToString());
    }

    /// <summary>The object's bytes: the body, or for aws-chunked uploads the payload of each signed chunk.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var raw = new MemoryStream();
        await request.Body.CopyToAsync(raw);
        var bytes = raw.ToArray();
        var chunked = request.Headers["x-amz-content-sha256"].ToString().StartsWith("STREAMING-", StringComparison.Ordinal)
            || request.Headers.ContentEncoding.ToString().Contains("aws-chunked", StringComparison.Ordinal);
        return chunked ? Dechunk(bytes) : bytes;
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var payload = new MemoryStream();
        var at = 0;
        while (at < body.Length)
        {
            var lineEnd = IndexOfCrLf(body, at);
            var header = Encoding.ASCII.GetString(body, at, lineEnd - at);
            var size = int.Parse(header.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at = lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            payload.Write(body, at, size);
            at += size + 2;
        }

        return payload.ToArray();
    }

    private static int IndexOfCrLf(byte[] body, int from)
    {
        for (var i = from; i < body.Length - 1; i++)
        {
            if (body[i] == '\r' && body[i + 1] == '\n')
            {
                return i;
            }
        }

        throw new FormatException("a chunk header has no CRLF");
    }

    /// <summary>S3's ETag of a single-part upload is the content's MD5; clients may compare it.</summary>
#pragma warning disable CA5351
    private static string ETag(byte[] data) => "\"" + Convert.ToHexStringLower(MD5.HashData(data)) + "\"";
#pragma warning restore CA5351

    private static string Escape(string value) => SecurityElement.Escape(value);

    private static async Task ErrorAsync(HttpContext http, HttpStatusCode status, string code, string message)
    {
        http.Response.StatusCode = (int)status;
        if (http.Request.Method == "HEAD")
        {
            return;
        }

        http.Response.ContentType = "application/xml";
        await http.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{Escape(message)}</Message></Error>");
    }
}
