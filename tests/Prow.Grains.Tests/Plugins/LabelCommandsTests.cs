using Prow.Grains.Plugins.Label;

namespace Prow.Grains.Tests.Plugins;

public sealed class LabelCommandsTests
{
    private static readonly HashSet<string> s_allowed = ["api-review", "restricted"];

    private static LabelCommands Parse(string body) => LabelCommands.Parse(body, s_allowed.Contains);

    [Theory]
    [InlineData("/kind bug", "kind/bug")]
    [InlineData("/kind bug flake", "kind/bug,kind/flake")]
    [InlineData("/priority Critical-Urgent", "priority/critical-urgent")]
    [InlineData("/area prow\n/triage accepted", "area/prow,triage/accepted")]
    [InlineData("/sig testing\n/wg x\n/committee c\n/language zh", "sig/testing,wg/x,committee/c,language/zh")]
    [InlineData("/label api-review", "api-review")]
    [InlineData("/label API-Review", "api-review")]
    [InlineData("/kind", "")]
    [InlineData("/kindness bug", "")]
    [InlineData("please /kind bug", "")]
    [InlineData("> /kind bug", "")]
    [InlineData("<!-- /kind bug -->", "")]
    [InlineData("/labels api-review", "")]
    [InlineData("/label api-review restricted", "")]
    public void Parse_Additions(string body, string expected) =>
        Assert.Equal(expected, string.Join(',', Parse(body).ToAdd));

    [Theory]
    [InlineData("/remove-kind bug", "kind/bug")]
    [InlineData("/remove-area a b", "area/a,area/b")]
    [InlineData("/remove-label restricted", "restricted")]
    [InlineData("/remove-lifecycle stale", "")]
    public void Parse_Removals(string body, string expected)
    {
        var commands = Parse(body);

        Assert.Equal(expected, string.Join(',', commands.ToRemove));
        Assert.Empty(commands.ToAdd);
    }

    [Fact]
    public void Parse_CustomLabelNotAllowed_IsInvalid_WithTheCommandAsWritten()
    {
        var commands = Parse("/label not-configured\n/remove-label other\n/kind bug");

        Assert.Equal(["/label not-configured", "/remove-label other"], commands.Invalid);
        Assert.Equal(["kind/bug"], commands.ToAdd);
    }

    [Fact]
    public void Parse_NoCommands_IsEmpty() => Assert.True(Parse("LGTM, thanks!").IsEmpty);
}
