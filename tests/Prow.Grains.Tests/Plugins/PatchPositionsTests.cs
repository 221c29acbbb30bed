using Prow.Grains.Plugins.VerifyOwners;

namespace Prow.Grains.Tests.Plugins;

/// <summary>Added lines' positions in a diff, as GitHub places review comments (Prow's golint.AddedLines cases).</summary>
public sealed class PatchPositionsTests
{
    public static TheoryData<string, string, int[]> Cases => new()
    {
        // name, patch, "line:position" for every added line
        { "no patch: nothing", "", [] },
        { "a new file: line n is position n", "@@ -0,0 +1,3 @@\n+a\n+b\n+c", [1, 1, 2, 2, 3, 3] },
        { "context and removed lines move positions, not new lines", "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c", [2, 3] },
        { "a second hunk's header counts as a position", "@@ -1,2 +1,2 @@\n a\n-b\n+B\n@@ -10,2 +10,3 @@\n x\n+y\n z", [2, 3, 11, 6] },
        { "no newline marker is skipped", "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b", [1, 3] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AddedLines(string name, string patch, int[] linesAndPositions)
    {
        Assert.NotEmpty(name);
        var expected = linesAndPositions.Chunk(2).ToDictionary(p => p[0], p => p[1]);

        Assert.Equal(expected.OrderBy(p => p.Key), PatchPositions.AddedLines(patch).OrderBy(p => p.Key));
    }
}
