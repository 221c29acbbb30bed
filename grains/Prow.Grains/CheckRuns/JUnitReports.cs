using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Prow.Grains.CheckRuns;

/// <summary>
/// Failed test cases from JUnit XML, as Prow's spyglass junit lens reads it: <c>&lt;testsuites&gt;</c> or a single
/// <c>&lt;testsuite&gt;</c>, each <c>&lt;testcase&gt;</c> with a <c>&lt;failure&gt;</c> or <c>&lt;error&gt;</c> failed.
/// The file and line come from the test case's <c>file</c> and <c>line</c> attributes (pytest, xunit1), else from the
/// first <c>path/to/file.ext:LINE</c> the failure text names (Go's testing, JavaScript runners).
/// </summary>
public static partial class JUnitReports
{
    /// <summary>Prow's junit lens: any <c>junit*.xml</c> under the build's <c>artifacts/</c>, at any depth.</summary>
    [GeneratedRegex(@"^junit.*\.xml$")]
    public static partial Regex ReportName();

    [GeneratedRegex(@"(?<file>[A-Za-z0-9_\-./]+\.[A-Za-z0-9]+):(?<line>\d+)")]
    private static partial Regex FileAndLine();

    /// <summary>The failures of one report; a report that is not JUnit XML is read as having none.</summary>
    public static IReadOnlyList<JUnitFailure> Failures(string report, byte[] content)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(content);
            document = XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
        }
        catch (XmlException)
        {
            return [];
        }

        var failures = new List<JUnitFailure>();
        foreach (var testCase in document.Descendants("testcase"))
        {
            if ((testCase.Element("failure") ?? testCase.Element("error")) is not { } failure)
            {
                continue;
            }

            var name = (string?)testCase.Attribute("name") ?? "";
            var className = (string?)testCase.Attribute("classname");
            var test = className is { Length: > 0 } ? $"{className}.{name}" : name;
            var text = failure.Value.Trim();
            var message = (string?)failure.Attribute("message") is { Length: > 0 } m ? m : FirstLine(text) is { Length: > 0 } first ? first : "failed";
            var file = (string?)testCase.Attribute("file");
            int? line = int.TryParse((string?)testCase.Attribute("line"), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : null;
            if (file is null && FileAndLine().Match(message + "\n" + text) is { Success: true } match)
            {
                file = match.Groups["file"].Value;
                line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
            }

            failures.Add(new JUnitFailure(report, test, message, text.Length > 0 ? text : null, file, line));
        }

        return failures;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
