using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// The README's "Try it without GitHub" commands, read from the README and run as a new user runs them, in a folder
/// holding what a clone has: fake-github, prow against it, then phony's pull request event. Only the ports change,
/// to free ones, in every command, as the README tells a user to when 8080 or 8081 is taken.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed partial class ReadmeTryWithoutGitHubTests
{
    private const string HeadSha = "058df60ec8c4a636df78aa6397ad8b8a6dd5d1e8";

    [Fact]
    public async Task ReadmeCommands_RunThePullRequestsPresubmit_AndTheStatusSiteShowsItsLog()
    {
        using var clone = ReadmeClone.Create();
        var (sitePort, gitHubPort) = (LoopbackPort.Free().ToString(CultureInfo.InvariantCulture), LoopbackPort.Free().ToString(CultureInfo.InvariantCulture));
        var commands = Commands(await File.ReadAllTextAsync(Path.Combine(clone.Path, "README.md")))
            .Select(c => c.Replace("8080", sitePort, StringComparison.Ordinal).Replace("8081", gitHubPort, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        Assert.Equal(["fake-github", "run", "phony"], commands.Select(c => c[0]));

        await using var gitHub = await LongRunning.StartAsync(clone.Path, commands[0], "prow fake-github: serving ");
        await using var prow = await ProwProcess.StartWithArgumentsAsync(clone.Path, commands[1]);
        Assert.Equal(new Uri($"http://127.0.0.1:{sitePort}/"), prow.Client.BaseAddress);

        var wronglySigned = await RunToEndAsync(clone.Path, [.. commands[2].Where(a => a != "--hmac-secret-file" && a != "examples/hmac-secret"), "--hmac", "not-the-secret"]);
        Assert.Equal(1, wronglySigned.ExitCode);
        Assert.Contains("response from hook has status 401", wronglySigned.Output, StringComparison.Ordinal);

        var sent = await RunToEndAsync(clone.Path, commands[2]);
        Assert.True(sent.ExitCode == 0, sent.Output);
        Assert.StartsWith("Hook sent.", sent.Output, StringComparison.Ordinal);

        string? id = null;
        await Poll.UntilAsync(async () => (id = await FinishedJobAsync(prow.Client, "unit")) is not null, seconds: 120);
        var page = await prow.Client.GetStringAsync($"/view/{id}");
        Assert.Contains($"running unit tests on {HeadSha}", page, StringComparison.Ordinal);
        Assert.Contains("unit", await prow.Client.GetStringAsync("/"), StringComparison.Ordinal);

        using var fake = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gitHubPort}/") };
        var statuses = await fake.GetStringAsync($"/repos/example-org/example-repo/commits/{HeadSha}/statuses");
        Assert.Contains("\"success\"", statuses, StringComparison.Ordinal);
    }

    /// <summary>The id of the newest ProwJob named <paramref name="job"/> once it succeeded; a failed run fails the test with its state.</summary>
    private static async Task<string?> FinishedJobAsync(HttpClient site, string job)
    {
        using var document = JsonDocument.Parse(await site.GetStringAsync("/prowjobs.js"));
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("spec").GetProperty("job").GetString() != job)
            {
                continue;
            }

            var state = item.GetProperty("status").GetProperty("state").GetString();
            Assert.True(state is "triggered" or "pending" or "success", $"{job} ended {state}: {item}");
            return state == "success" ? item.GetProperty("metadata").GetProperty("name").GetString() : null;
        }

        return null;
    }

    /// <summary>The arguments after <c>--</c> of each <c>dotnet run --project silo/Prow.Silo -- ...</c> line of the section.</summary>
    private static List<string> Commands(string readme)
    {
        var start = readme.IndexOf("## Try it without GitHub", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has a 'Try it without GitHub' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        return [.. CommandLine().Matches(section).Select(m => m.Groups["args"].Value)];
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string folder, IReadOnlyList<string> arguments)
    {
        var start = Prow(folder, arguments);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo Prow(string folder, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "prow.dll"), .. arguments])
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    [GeneratedRegex(@"^\s*dotnet run --project silo/Prow\.Silo -- (?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    /// <summary>A <c>prow</c> subcommand that serves until stopped, started once it printed <paramref name="ready"/>.</summary>
    private sealed class LongRunning(Process process) : IAsyncDisposable
    {
        public static async Task<LongRunning> StartAsync(string folder, IReadOnlyList<string> arguments, string ready)
        {
            var process = Process.Start(Prow(folder, arguments))!;
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var lines = new List<string>();
            process.OutputDataReceived += (_, e) =>
            {
                lock (lines)
                {
                    lines.Add(e.Data ?? "");
                }

                if (e.Data is null)
                {
                    started.TrySetException(new InvalidOperationException("exited before it was ready: " + string.Join('\n', lines)));
                }
                else if (e.Data.StartsWith(ready, StringComparison.Ordinal))
                {
                    started.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (lines)
                {
                    lines.Add(e.Data ?? "");
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new LongRunning(process);
        }

        /// <summary>SIGTERM first, so fake-github removes its git folder; killed if it does not stop.</summary>
        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                ProwProcess.SendSignal(process.Id, 15);
                try
                {
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (TimeoutException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            process.Dispose();
        }
    }
}
