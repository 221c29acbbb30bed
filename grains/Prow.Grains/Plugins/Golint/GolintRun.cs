using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.Golint;

/// <summary>One run of the golint binary over one file: the problems it printed, and what it could not lint.</summary>
public sealed partial record GolintRun(IReadOnlyList<GolintProblem> Problems, string? Error)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="binary"/> with <c>-min_confidence</c> on <paramref name="file"/> (relative to
    /// <paramref name="directory"/>), as Prow lints each changed file on its own.
    /// </summary>
    public static async Task<GolintRun> LintAsync(string binary, string directory, string file, double minimumConfidence, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-min_confidence");
        start.ArgumentList.Add(minimumConfidence.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(file);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{binary} did not start");
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new GolintRun([], $"golint did not finish within {s_timeout.TotalMinutes:0} minutes");
        }

        var problems = new List<GolintProblem>();
        foreach (var line in (await output).Split('\n'))
        {
            if (Problem().Match(line.TrimEnd('\r')) is { Success: true } m)
            {
                problems.Add(new GolintProblem(int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), m.Groups["text"].Value));
            }
        }

        var stderr = (await error).Trim();
        return new GolintRun(problems, process.ExitCode != 0 || stderr.Length > 0 ? (stderr.Length > 0 ? stderr : $"golint exited with {process.ExitCode}") : null);
    }

    // golint prints each problem as "file:line:column: text".
    [GeneratedRegex(@"^(?<file>.+?):(?<line>\d+):(?<column>\d+): (?<text>.+)$")]
    private static partial Regex Problem();
}
