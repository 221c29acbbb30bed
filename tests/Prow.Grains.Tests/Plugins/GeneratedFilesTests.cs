using Prow.Grains.Plugins.Size;

namespace Prow.Grains.Tests.Plugins;

public sealed class GeneratedFilesTests
{
    private const string Rules = """
        # generated code does not count
        file-name   zz_generated.deepcopy.go
        file-prefix zz_generated.
        path-prefix vendor/

        paths-from-repo docs/.generated_docs
        """;

    [Theory]
    [InlineData("pkg/api/zz_generated.deepcopy.go", true)]
    [InlineData("zz_generated.deepcopy.go", true)]
    [InlineData("pkg/zz_generated.conversion.go", true)]
    [InlineData("vendor/github.com/x/y.go", true)]
    [InlineData("pkg/vendor/y.go", false)]
    [InlineData("pkg/api/types.go", false)]
    [InlineData("pkg/zz_generated/types.go", false)]
    public void Matches_FileNamePrefixAndPathPrefixRules(string path, bool generated) =>
        Assert.Equal(generated, GeneratedFiles.Parse(Rules).Matches(path));

    [Fact]
    public void PathsFromRepo_AreNamed_AndTheirListedPathsMatchExactly()
    {
        var rules = GeneratedFiles.Parse(Rules);
        Assert.Equal(["docs/.generated_docs"], rules.PathsFromRepo);

        var withListing = rules.WithPaths("docs/api.md\n# a comment\n\ndocs/cli/kubectl.md\n");

        Assert.True(withListing.Matches("docs/api.md"));
        Assert.True(withListing.Matches("docs/cli/kubectl.md"));
        Assert.False(withListing.Matches("docs/api.md.orig"));
        Assert.False(withListing.Matches("other/docs/api.md"));
    }

    [Fact]
    public void None_MatchesNothing() => Assert.False(GeneratedFiles.None.Matches("vendor/a.go"));

    [Theory]
    [InlineData("file-glob *.pb.go", "unknown kind 'file-glob'")]
    [InlineData("file-name", "expected '<kind> <value>'")]
    [InlineData("file-name a b", "expected '<kind> <value>'")]
    public void Parse_MalformedLine_SaysWhichLineAndWhy(string line, string message)
    {
        var ex = Assert.Throws<FormatException>(() => GeneratedFiles.Parse("# ok\n" + line));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
