using Prow.Grains.Plugins.Project;

namespace Prow.Silo.Tests;

/// <summary>The project plugin changes nothing (GitHub no longer serves Projects classic) and says so to whoever asks.</summary>
public sealed class ProjectPluginTests
{
    private const string Repo = PluginHarness.Repo;

    public static TheoryData<string, string, bool> Cases => new()
    {
        // name, comment, answered
        { "/project <board>: answered", "/project 0.5.0", true },
        { "/project <board> <column>: answered", "/project 0.5.0 To do", true },
        { "/project clear <board>: answered", "/project clear 0.4.0", true },
        { "/project among other lines: answered", "thanks\n/project 0.5.0", true },
        { "/project alone is not the command", "/project", false },
        { "/project mid-line: nothing", "see /project 0.5.0", false },
        { "quoted /project: nothing", "> /project 0.5.0", false },
        { "no command: nothing", "which project?", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ProjectCommand_ChangesNothing_AndSaysWhy(string name, string body, bool answered)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a feature", "bob");

        await harness.RunAsync(new ProjectPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, body, "carol"),
            "project_config:\n  project_org_configs:\n    org:\n      org_maintainers_team_id: 3162587\n");

        var comments = harness.GitHub.CommentsOn(Repo, 1);
        Assert.Equal(answered ? 1 : 0, comments.Count);
        Assert.All(comments, c => Assert.StartsWith($"@carol: /project changed nothing: {ProjectPlugin.Reason}.", c.Body, StringComparison.Ordinal));
        Assert.Equal(answered ? 1 : 0, harness.GitHub.Writes.Count);
    }

    [Fact]
    public async Task EditedComment_IsNotACommand()
    {
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddIssue(1, "a feature", "bob");

        await harness.RunAsync(new ProjectPlugin(), "issue_comment", Webhooks.IssueComment(Repo, 1, "/project 0.5.0", "carol").Replace("\"created\"", "\"edited\"", StringComparison.Ordinal));

        Assert.Empty(harness.GitHub.CommentsOn(Repo, 1));
    }
}
