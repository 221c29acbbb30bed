using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Prow.Silo.Tests;

/// <summary>Builds webhook requests the way GitHub sends them.</summary>
internal static class Webhooks
{
    public const string Secret = "test-webhook-secret";

    public static string Sign(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static string IssueComment(string repo, int number, string body) =>
        $$$"""{"action":"created","issue":{"number":{{{number}}},"pull_request":{}},"comment":{"body":"{{{body}}}","user":{"login":"alice"}},"repository":{"full_name":"{{{repo}}}","name":"{{{repo.Split('/')[1]}}}","owner":{"login":"{{{repo.Split('/')[0]}}}"}},"sender":{"login":"alice"}}""";

    public static HttpRequestMessage Request(string eventName, string deliveryId, string json, string? secret = Secret, string contentType = "application/json")
    {
        var body = Encoding.UTF8.GetBytes(json);
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
