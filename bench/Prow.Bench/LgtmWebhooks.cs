using System.Text;
using Prow.FakeGitHub;

namespace Prow.Bench;

/// <summary>The webhook load of the hook benchmarks: signed <c>/lgtm</c> comments spread over 20 repositories and 50 issues.</summary>
internal static class LgtmWebhooks
{
    public static Task<(double Rate, List<double> Latencies)> SendAsync(HttpClient[] clients, int count, int concurrency, string prefix, string secret) =>
        ConcurrentLoad.RunAsync(count, concurrency, async (worker, i) =>
        {
            var body = Encoding.UTF8.GetBytes($$$"""{"action":"created","issue":{"number":{{{i % 50 + 1}}}},"comment":{"body":"/lgtm"},"repository":{"full_name":"bench/repo{{{i % 20}}}"}}""");
            using var request = SignedWebhook.Request("issue_comment", $"{prefix}-{i}", body, secret);
            using var response = await clients[worker % clients.Length].SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"hook answered {(int)response.StatusCode}");
            }
        });
}
