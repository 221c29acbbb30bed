using Prow.Grains.Plugins.Stage;

namespace Prow.Silo.Tests;

/// <summary>The stage plugin's cases, in the manner of Prow's stage test, against the fake GitHub.</summary>
public sealed class StagePluginTests
{
    private const string Repo = PluginHarness.Repo;

    public static TheoryData<string, string, string[], string[]> Cases => new()
    {
        // name, comment, labels before, labels after
        { "irrelevant comment: nothing", "this is alpha quality", [], [] },
        { "/stage alpha", "/stage alpha", [], ["stage/alpha"] },
        { "/stage beta replaces alpha", "/stage beta", ["stage/alpha"], ["stage/beta"] },
        { "/stage stable replaces both others", "/stage stable", ["stage/alpha", "stage/beta", "kind/feature"], ["kind/feature", "stage/stable"] },
        { "/stage alpha when already alpha: nothing", "/stage alpha", ["stage/alpha"], ["stage/alpha"] },
        { "/remove-stage alpha", "/remove-stage alpha", ["stage/alpha"], [] },
        { "/remove-stage beta when alpha: nothing", "/remove-stage beta", ["stage/alpha"], ["stage/alpha"] },
        { "an unknown stage: nothing", "/stage gamma", [], [] },
        { "capitals are accepted", "/STAGE Beta", [], ["stage/beta"] },
        { "several commands in turn", "/stage alpha\n/remove-stage alpha\n/stage beta", [], ["stage/beta"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Comment_KeepsOneStageLabel(string name, string body, string[] before, string[] after)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a feature", "bob").Labels.AddRange(before);

        await harness.RunAsync(new StagePlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"));

        Assert.Equal(after.Order(StringComparer.Ordinal), harness.GitHub.LabelsOn(Repo, 1).Order(StringComparer.Ordinal));
        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }
}
