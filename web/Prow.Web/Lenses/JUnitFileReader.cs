using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Xml;
using Prow.Services.Artifacts;

namespace Prow.Web.Lenses;

/// <summary>
/// Reads a JUnit XML file as it streams from the store (Go's go-junit-report, pytest, Ginkgo: a <c>testsuites</c> or
/// <c>testsuite</c> root, suites nested in suites), keeping per test only its name, time, outcome and at most
/// <see cref="OutputMax"/> characters of failure output, so a file's size does not decide the memory it takes.
/// A test that appears several times in one file (<c>go test -count=N</c>, retries) is one test: failed if every run
/// failed, flaky if some passed, as Prow's lens classifies it.
/// </summary>
public static class JUnitFileReader
{
    public const int OutputMax = 16 * 1024;

    public static async Task<IReadOnlyList<JUnitTest>> ReadAsync(IArtifactStore store, string path, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var size = await store.SizeAsync(path, cancellationToken) ?? throw new FileNotFoundException($"{file} is not there", file);
        var pipe = new Pipe();
        var copy = CopyAsync(store, path, size, pipe.Writer, cancellationToken);
        try
        {
            await using var input = pipe.Reader.AsStream();
            return await ParseAsync(input, file, cancellationToken);
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await copy;
        }
    }

    public static async Task<IReadOnlyList<JUnitTest>> ParseAsync(Stream input, string file, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings { Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        using var xml = XmlReader.Create(input, settings);
        var runs = new Dictionary<(string Suite, string Class, string Name), List<Run>>();
        var order = new List<(string Suite, string Class, string Name)>();
        var suites = new Stack<string>();
        while (await xml.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "testsuite")
            {
                suites.TryPop(out _);
            }

            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "testsuite")
            {
                var name = xml.GetAttribute("name") ?? "";
                if (!xml.IsEmptyElement)
                {
                    suites.Push(name);
                }
            }
            else if (xml.LocalName == "testcase")
            {
                var key = (suites.TryPeek(out var suite) ? suite : "", xml.GetAttribute("classname") ?? "", xml.GetAttribute("name") ?? "");
                var run = await ReadCaseAsync(xml);
                if (!runs.TryGetValue(key, out var list))
                {
                    runs[key] = list = [];
                    order.Add(key);
                }

                list.Add(run);
            }
        }

        return [.. order.Select(key => Classify(file, key, runs[key]))];
    }

    private static async Task CopyAsync(IArtifactStore store, string path, long size, PipeWriter writer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await using var output = writer.AsStream(leaveOpen: true);
            await store.CopyRangeToAsync(path, 0, size, output, cancellationToken);
            await writer.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            await writer.CompleteAsync(ex);
        }
    }

    /// <summary>One <c>testcase</c> element, the reader on it; leaves the reader on its end.</summary>
    private static async Task<Run> ReadCaseAsync(XmlReader xml)
    {
        var seconds = double.TryParse(xml.GetAttribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var time) ? time : 0;
        if (xml.IsEmptyElement)
        {
            return new Run(Outcome.Passed, seconds, null, null);
        }

        var outcome = Outcome.Passed;
        string? message = null;
        var output = new StringBuilder();
        var depth = xml.Depth;
        while (await xml.ReadAsync() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != depth + 1)
            {
                continue;
            }

            var element = xml.LocalName;
            if (element is "failure" or "error" or "skipped")
            {
                outcome = element == "skipped" ? Outcome.Skipped : Outcome.Failed;
                message ??= xml.GetAttribute("message");
            }

            if (element is "failure" or "error" or "skipped" or "system-out" or "system-err" && !xml.IsEmptyElement)
            {
                await AppendTextAsync(xml, output, element is "system-out" or "system-err" ? element : null);
            }
        }

        return new Run(outcome, seconds, message, output.Length > 0 ? output.ToString() : null);
    }

    /// <summary>The element's text into <paramref name="output"/>, up to <see cref="OutputMax"/>; the rest is read and dropped.</summary>
    private static async Task AppendTextAsync(XmlReader xml, StringBuilder output, string? heading)
    {
        var depth = xml.Depth;
        var started = false;
        while (await xml.ReadAsync() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA) || output.Length >= OutputMax)
            {
                continue;
            }

            if (!started && heading is not null)
            {
                output.Append(output.Length > 0 ? "\n" : "").Append(CultureInfo.InvariantCulture, $"[{heading}]\n");
            }

            started = true;
            var text = xml.Value;
            output.Append(text.AsSpan(0, Math.Min(text.Length, OutputMax - output.Length)));
        }
    }

    /// <summary>Prow's junit lens: skipped if a run was skipped, failed if every other run failed, flaky if runs both failed and passed.</summary>
    private static JUnitTest Classify(string file, (string Suite, string Class, string Name) key, List<Run> runs)
    {
        var failed = runs.Where(r => r.Outcome == Outcome.Failed).ToList();
        var passed = runs.Count(r => r.Outcome == Outcome.Passed);
        var outcome = runs.Any(r => r.Outcome == Outcome.Skipped) && failed.Count == 0 ? JUnitOutcome.Skipped
            : failed.Count > 0 && passed > 0 ? JUnitOutcome.Flaky
            : failed.Count > 0 ? JUnitOutcome.Failed
            : JUnitOutcome.Passed;
        var shown = failed.FirstOrDefault() ?? runs.FirstOrDefault(r => r.Outcome == Outcome.Skipped) ?? runs[0];
        return new JUnitTest(file, key.Suite, key.Class, key.Name, runs.Sum(r => r.Seconds), outcome, shown.Message, outcome == JUnitOutcome.Passed ? null : shown.Output);
    }

    private enum Outcome
    {
        Passed,
        Failed,
        Skipped,
    }

    private sealed record Run(Outcome Outcome, double Seconds, string? Message, string? Output);
}
