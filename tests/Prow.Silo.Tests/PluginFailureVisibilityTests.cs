using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// With GitHub unreachable a plugin's failure is visible: counted in Prow's <c>prow_plugin_handle_errors</c> on
/// <c>/metrics</c> by event type, action and plugin, and listed on the admin page.
/// </summary>
public sealed partial class PluginFailureVisibilityTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly TcpListener _deadGitHub = new(IPAddress.Loopback, 0);
    private InProcessProw _prow = null!;

    public async Task InitializeAsync()
    {
        // Connections are refused: nothing listens on the port once the listener has given it back.
        _deadGitHub.Start();
        var port = ((IPEndPoint)_deadGitHub.LocalEndpoint).Port;
        _deadGitHub.Stop();
        var plugins = Path.Combine(_folder.Path, "plugins.yaml");
        await File.WriteAllTextAsync(plugins, "plugins:\n  org/repo: [label]\n");
        _prow = await InProcessProw.StartAsync(_folder.Path, o => o with { PluginConfig = plugins, GitHubEndpoints = [new Uri($"http://127.0.0.1:{port}")] });
    }

    public async Task DisposeAsync()
    {
        await _prow.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task PluginFailingOnAnUnreachableGitHub_IsCountedOnMetrics_AndListedOnTheAdminPage()
    {
        using var response = await _prow.Client.SendAsync(Webhooks.Request("issue_comment", "kind-bug-1", Webhooks.IssueComment("org/repo", 3, "/kind bug")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await Poll.UntilAsync(async () => (await _prow.Client.GetStringAsync("/metrics")).Split('\n')
            .Any(line => line.StartsWith("prow_plugin_handle_errors{", StringComparison.Ordinal) && line.Contains("plugin=\"label\"", StringComparison.Ordinal)
                && line.Contains("event_type=\"issue_comment\"", StringComparison.Ordinal) && line.Contains("action=\"created\"", StringComparison.Ordinal)));

        var cookies = new CookieContainer();
        using var admin = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _prow.Client.BaseAddress };
        var login = await admin.GetStringAsync("/admin");
        var token = AntiforgeryField().Match(login).Groups[1].Value;
        using var signedIn = await admin.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["token"] = "admin-secret" }));
        var page = await admin.GetStringAsync("/admin");
        Assert.Contains("Recent plugin failures", page, StringComparison.Ordinal);
        Assert.Matches(new Regex("<td>label</td><td>issue_comment\\.created</td><td>org/repo</td><td>kind-bug-1</td>"), page);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
