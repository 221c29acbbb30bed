using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// The README's first command, as a new user runs it: in a folder holding only what a clone has (the examples), with
/// the command's own arguments. Only the listening address differs (port 0), so the test never fights for 8080.
/// </summary>
public sealed partial class ReadmeRunCommandTests
{
    [Fact]
    public async Task ReadmeRunCommand_ServesTheSite_RunsTheSamplePeriodic_AndGuardsTheOrleansDashboard()
    {
        using var clone = ReadmeClone.Create();
        var arguments = RunCommandArguments(await File.ReadAllTextAsync(Path.Combine(clone.Path, "README.md")));

        await using var prow = await ProwProcess.StartWithArgumentsAsync(clone.Path, [.. arguments, "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(HttpStatusCode.OK, (await prow.Client.GetAsync("/")).StatusCode);
        var artifacts = Path.Combine(clone.Path, ".prow", "artifacts", "logs", "nightly-health");
        string? Finished() => Directory.Exists(artifacts) ? Directory.EnumerateFiles(artifacts, "finished.json", SearchOption.AllDirectories).FirstOrDefault() : null;
        await Poll.UntilAsync(() => Finished() is not null);
        Assert.Contains("\"passed\": true", await File.ReadAllTextAsync(Finished()!), StringComparison.Ordinal);

        using var noToken = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = prow.Client.BaseAddress };
        var anonymous = await noToken.GetAsync("/orleans/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/admin", anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await noToken.GetAsync("/orleans/ClusterStats")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await noToken.SendAsync(wrong)).StatusCode);

        var token = (await File.ReadAllTextAsync(Path.Combine(clone.Path, "examples", "admin-token"))).Trim();
        using var admin = new HttpRequestMessage(HttpMethod.Get, "/orleans/");
        admin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var dashboard = await noToken.SendAsync(admin);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var api = new HttpRequestMessage(HttpMethod.Get, "/orleans/ClusterStats");
        api.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await noToken.SendAsync(api)).StatusCode);
    }

    /// <summary>The arguments after <c>--</c> of the README's <c>dotnet run --project silo/Prow.Silo -- run ...</c> line.</summary>
    private static string[] RunCommandArguments(string readme)
    {
        var line = RunCommand().Match(readme);
        Assert.True(line.Success, "the README has a 'dotnet run --project silo/Prow.Silo -- run' command");
        return line.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [GeneratedRegex(@"^\s*dotnet run --project silo/Prow\.Silo -- (?<args>run .+)$", RegexOptions.Multiline)]
    private static partial Regex RunCommand();
}
