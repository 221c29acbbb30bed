using System.Diagnostics;
using System.Text;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>Runs git without a terminal or user configuration, so it behaves the same on a bare machine.</summary>
internal static class GitCommand
{
    /// <summary>
    /// Clonerefs' identity (its default git user), so merges work without any git config; no prompts, so a
    /// repository that wants credentials fails instead of hanging.
    /// </summary>
    private static readonly Dictionary<string, string> s_fixedEnvironment = new(StringComparer.Ordinal)
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_AUTHOR_NAME"] = "ci-robot",
        ["GIT_AUTHOR_EMAIL"] = "ci-robot@k8s.io",
        ["GIT_COMMITTER_NAME"] = "ci-robot",
        ["GIT_COMMITTER_EMAIL"] = "ci-robot@k8s.io",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };

    /// <summary>Runs git; throws OperationCanceledException (after killing git) when cancelled.</summary>
    public static async Task<GitCommandResult> RunAsync(
        string workingDirectory, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? extraEnv, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in s_fixedEnvironment.Concat(extraEnv ?? new Dictionary<string, string>()))
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return new GitCommandResult(-1, $"could not start git: {ex.Message}\n");
        }

        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = CollectAsync(process.StandardOutput, output);
        var stderr = CollectAsync(process.StandardError, output);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(stdout, stderr);
        return new GitCommandResult(process.ExitCode, output.ToString());
    }

    public static string Format(IReadOnlyList<string> args) => "git " + string.Join(' ', args);

    private static async Task CollectAsync(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }
}
