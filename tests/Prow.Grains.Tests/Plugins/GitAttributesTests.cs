using Prow.Grains.Plugins.Size;

namespace Prow.Grains.Tests.Plugins;

public sealed class GitAttributesTests
{
    private const string Attributes = """
        # generated API files
        *.pb.go linguist-generated=true
        /api/**/*.json linguist-generated
        api/keep/handwritten.json -linguist-generated
        docs/*.md text eol=lf linguist-generated
        *.txt linguist-generated=false
        """;

    [Theory]
    [InlineData("pkg/a/b.pb.go", true)]
    [InlineData("b.pb.go", true)]
    [InlineData("api/v1/types.json", true)]
    [InlineData("api/types.json", true)]
    [InlineData("other/api/types.json", false)]
    [InlineData("api/keep/handwritten.json", false)]
    [InlineData("docs/guide.md", true)]
    [InlineData("docs/sub/guide.md", false)]
    [InlineData("notes.txt", false)]
    [InlineData("pkg/a/b.go", false)]
    public void IsGenerated_FollowsPatternsAndTheLastMatchingLine(string path, bool generated) =>
        Assert.Equal(generated, GitAttributes.Parse(Attributes).IsGenerated(path));

    [Fact]
    public void None_MarksNothing() => Assert.False(GitAttributes.None.IsGenerated("a.pb.go"));
}
