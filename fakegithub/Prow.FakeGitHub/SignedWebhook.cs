using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Prow.FakeGitHub;

/// <summary>A webhook request as GitHub sends it to <c>/hook</c>: event and delivery headers, signed with the secret.</summary>
public static class SignedWebhook
{
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <param name="secret">Null sends no signature.</param>
    public static HttpRequestMessage Request(string eventName, string deliveryId, byte[] body, string? secret, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/hook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        if (secret is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", Sign(secret, body));
        }

        return request;
    }
}
