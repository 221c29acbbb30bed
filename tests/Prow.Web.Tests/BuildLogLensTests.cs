using System.Globalization;
using System.Text;
using Prow.Config;
using Prow.Services.Artifacts;
using Prow.Web.Lenses;
using Prow.Web.Logs;

namespace Prow.Web.Tests;

/// <summary>The buildlog lens on stored logs: what the first view reads and shows, and how skipped lines come back by range.</summary>
public sealed class BuildLogLensTests : IDisposable
{
    private const string LogPath = "logs/job/1/build-log.txt";
    private readonly string _root = Directory.CreateTempSubdirectory("prow-buildlog-").FullName;

    [Fact]
    public async Task View_100MBLog_ReadsUnder5MB_ShowsHeadAndTail_AndTheMiddleExpandsByRange()
    {
        // 64-byte lines, numbered in their text, so every line's number and offset can be checked.
        const int Lines = 100_000_000 / 64;
        await using (var file = new StreamWriter(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "logs/job/1")).FullName, "build-log.txt"), false, new UTF8Encoding(false), 1 << 20))
        {
            for (var i = 1; i <= Lines; i++)
            {
                await file.WriteAsync(Line(i));
            }
        }

        var store = new CountingArtifactStore(new LocalArtifactStore(_root));
        var view = await BuildLogScanner.ViewAsync(store, LogPath, "build-log.txt", BuildLogLensConfig.Default, CancellationToken.None);

        Assert.NotNull(view);
        Assert.True(store.BytesRead <= 5_000_000, $"the first view read {store.BytesRead:N0} bytes of a 100 MB log");
        Assert.Equal(100_000_000, view.Size);
        Assert.Contains("10 MiB", view.Warning, StringComparison.Ordinal);
        Assert.Equal(3, view.Groups.Count);
        var (head, middle, tail) = (view.Groups[0], view.Groups[1], view.Groups[2]);
        Assert.Equal(Enumerable.Range(1, BuildLogScanner.HeadLines).Select(n => (int?)n), head.Lines.Select(l => l.Number));
        Assert.Equal(Line(20).TrimEnd('\n'), Text(head.Lines[^1]));
        Assert.True(middle.Skipped);
        Assert.Equal((20 * 64L, 21, (int?)null), (middle.Offset, middle.FirstLine, middle.LastLine));
        Assert.Equal(BuildLogScanner.TailLines, tail.Lines.Count);
        Assert.Equal(Line(Lines).TrimEnd('\n'), Text(tail.Lines[^1]));
        Assert.Equal((Lines - BuildLogScanner.TailLines) * 64L, middle.Offset + middle.Length);

        var before = store.BytesRead;
        var all = await BuildLogExpansion.ExpandAsync(store, LogPath, middle, ExpandMode.All, BuildLogLensConfig.Default, CancellationToken.None);

        Assert.NotNull(all);
        Assert.True(store.BytesRead - before <= BuildLogExpansion.AllBytesMax);
        var shown = all[0].Lines;
        Assert.Equal(BuildLogExpansion.AllBytesMax / 64, shown.Count);
        Assert.Equal((21, Line(21).TrimEnd('\n')), (shown[0].Number!.Value, Text(shown[0])));
        Assert.Equal(((int?)(21 + shown.Count), middle.Offset + BuildLogExpansion.AllBytesMax), (all[1].FirstLine, all[1].Offset));

        var above = await BuildLogExpansion.ExpandAsync(store, LogPath, all[1], ExpandMode.Bottom, BuildLogLensConfig.Default, CancellationToken.None);

        Assert.NotNull(above);
        Assert.Equal(Line(Lines - BuildLogScanner.TailLines).TrimEnd('\n'), Text(above[^1].Lines[^1]));
        Assert.Equal(BuildLogExpansion.MoreLines, above[^1].Lines.Count);
        Assert.Equal(all[1].Offset + all[1].Length - (BuildLogExpansion.MoreLines * 64), above[0].Offset + above[0].Length);
    }

    [Fact]
    public async Task View_SmallLog_ShowsHeadTailAndTheHighlightedLinesWindow_AndSkippedLinesComeBackNumbered()
    {
        var log = new StringBuilder();
        for (var i = 1; i <= 1000; i++)
        {
            log.Append(i == 500 ? "ERROR: widget broke\n" : $"step {i}\n");
        }

        await WriteLogAsync(log.ToString());
        var store = new LocalArtifactStore(_root);

        var view = await BuildLogScanner.ViewAsync(store, LogPath, "build-log.txt", BuildLogLensConfig.Default, CancellationToken.None);

        Assert.NotNull(view);
        Assert.Null(view.Warning);
        Assert.Equal(
            ["shown 1-20", "skipped 21-494", "shown 495-505", "skipped 506-900", "shown 901-1000"],
            view.Groups.Select(g => g.Skipped ? $"skipped {g.FirstLine}-{g.LastLine}" : $"shown {g.Lines[0].Number}-{g.Lines[^1].Number}"));
        Assert.Equal([500], view.Groups.SelectMany(g => g.Lines).Where(l => l.Highlighted).Select(l => l.Number!.Value));

        var skipped = view.Groups[1];
        var all = await BuildLogExpansion.ExpandAsync(store, LogPath, skipped, ExpandMode.All, BuildLogLensConfig.Default, CancellationToken.None);
        var lines = Assert.Single(all!).Lines;
        Assert.Equal(Enumerable.Range(21, 474).Select(n => $"{n}: step {n}"), lines.Select(l => $"{l.Number}: {Text(l)}"));

        var top = await BuildLogExpansion.ExpandAsync(store, LogPath, skipped, ExpandMode.Top, BuildLogLensConfig.Default, CancellationToken.None);
        Assert.Equal(["shown 21-40", "skipped 41-494"], top!.Select(Describe));
        var bottom = await BuildLogExpansion.ExpandAsync(store, LogPath, skipped, ExpandMode.Bottom, BuildLogLensConfig.Default, CancellationToken.None);
        Assert.Equal(["skipped 21-474", "shown 475-494"], bottom!.Select(Describe));
        Assert.Equal("step 475", Text(bottom![1].Lines[0]));
    }

    [Fact]
    public async Task View_NearbyHighlights_ShareAWindow_AndShortGapsAreShownNotSkipped()
    {
        var log = new StringBuilder();
        for (var i = 1; i <= 200; i++)
        {
            log.Append(i is 60 or 70 ? $"--- FAIL: TestWidget{i}\n" : $"step {i}\n");
        }

        await WriteLogAsync(log.ToString());

        var view = await BuildLogScanner.ViewAsync(new LocalArtifactStore(_root), LogPath, "build-log.txt", BuildLogLensConfig.Default, CancellationToken.None);

        Assert.Equal(["shown 1-20", "skipped 21-54", "shown 55-75", "skipped 76-100", "shown 101-200"], view!.Groups.Select(Describe));
    }

    [Fact]
    public async Task HighlightRegexes_FromKubernetesDeckConfig_ReplaceProwsDefault()
    {
        var loaded = ConfigLoader.Load(new ConfigPaths(Conformance.Path("kubernetes_test-infra/config.yaml")));
        var config = BuildLogLensConfig.From(LensEntry.Read(loaded.Snapshot!.Prow.Deck.Spyglass.Lenses));
        await WriteLogAsync("ok\nW1203 warning only\nsome DATA RACE found\nfailed to solve: x\npanicky\nERROR: this too\n");

        var view = await BuildLogScanner.ViewAsync(new LocalArtifactStore(_root), LogPath, "build-log.txt", config, CancellationToken.None);

        Assert.Equal([3, 4, 6], view!.Groups.SelectMany(g => g.Lines).Where(l => l.Highlighted).Select(l => l.Number!.Value));
        Assert.Equal(10_000, config.HighlightLineLengthMax);
    }

    [Fact]
    public void LensConfig_WithoutRegexes_OrWithABadOne_FallsBackToProwsDefault()
    {
        var raw = new List<object?>
        {
            new Dictionary<string, object?>
            {
                ["lens"] = new Dictionary<string, object?> { ["name"] = "buildlog", ["config"] = new Dictionary<string, object?> { ["highlight_regexes"] = new List<object?> { "(unclosed" }, ["hide_raw_log"] = "true" } },
                ["required_files"] = new List<object?> { @"^build-log\.txt$" },
            },
        };

        var config = BuildLogLensConfig.From(LensEntry.Read(raw));

        Assert.Equal(BuildLogLensConfig.DefaultPattern, config.Highlight.ToString());
        Assert.False(config.ShowRawLog);
        Assert.Equal([@"^build-log\.txt$"], Assert.Single(LensEntry.Read(raw)).RequiredFiles);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Line(int number) => string.Create(CultureInfo.InvariantCulture, $"line {number:D9} of the build").PadRight(63) + "\n";

    private static string Text(BuildLogLine line) => string.Concat(line.Segments.Select(s => s.Text));

    private static string Describe(LogGroup group) =>
        group.Skipped ? $"skipped {group.FirstLine}-{group.LastLine}" : $"shown {group.Lines[0].Number}-{group.Lines[^1].Number}";

    private async Task WriteLogAsync(string log) =>
        await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "logs/job/1")).FullName, "build-log.txt"), log);
}
