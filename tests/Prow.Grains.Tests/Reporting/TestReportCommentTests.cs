using Prow.Clients.GitHub;
using Prow.GoTemplates;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Grains.Reporting;

namespace Prow.Grains.Tests.Reporting;

/// <summary>The test report comment as Prow's pkg/github/report plans and writes it.</summary>
public sealed class TestReportCommentTests
{
    private const string Bot = "prow-bot";
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static ProwJob Job(string context, string state, bool? optional = false, string type = ProwJobType.Presubmit) => new()
    {
        Metadata = new ProwJobMetadata
        {
            Name = "id-" + context,
            Labels = optional is { } o ? new Dictionary<string, string> { [ProwJobLabels.IsOptional] = o ? "true" : "false" } : new Dictionary<string, string>(),
        },
        Spec = new ProwJobSpec
        {
            Type = type,
            Job = context,
            Context = context,
            Report = true,
            RerunCommand = "/test " + context,
            Refs = new ProwJobRefs { Org = "org", Repo = "repo", BaseRef = "main", Pulls = [new ProwJobPull { Number = 7, Author = "alice", Sha = Sha }] },
        },
        Status = new ProwJobStatus { State = state, Url = $"https://prow/view/{context}" },
    };

    private static IssueComment Comment(long id, string login, string body) => new() { Id = id, User = new User { Login = login }, Body = body };

    private static bool IsBot(string login) => login == Bot;

    private static string Row(string context, string required = "true") => $"{context} | {Sha} | [link](https://prow/view/{context}) | {required} | `/test {context}`";

    [Fact]
    public void FirstFailure_PostsANewCommentWithItsRow()
    {
        var plan = TestReportComment.PlanFor([Job("unit", ProwJobState.Failure)], IsBot, [Comment(1, "alice", "looks good")]);

        Assert.Empty(plan.Deletes);
        Assert.Equal([Row("unit")], plan.Entries);
        Assert.Null(plan.UpdateId);
    }

    [Fact]
    public void Render_WritesProwsComment_WithTheReportTemplateRenderedForTheJob()
    {
        var job = Job("unit", ProwJobState.Failure);
        var template = GoTemplate.Parse("Report", "History of [{{.Spec.Refs.Org}}/{{.Spec.Refs.Repo}}#{{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}].");

        var body = TestReportComment.Render(template, [job], [Row("unit")]);

        Assert.Equal(
            "@alice: The following test **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:\n" +
            "\n" +
            "Test name | Commit | Details | Required | Rerun command\n" +
            "--- | --- | --- | --- | ---\n" +
            Row("unit") + "\n" +
            "\n" +
            "History of [org/repo#7].\n" +
            "\n" +
            "<details>\n" +
            "\n" +
            TestReportComment.AboutThisBot + "\n" +
            "</details>\n" +
            "<!-- test report -->",
            body);
        Assert.StartsWith("@alice: The following tests **failed**", TestReportComment.Render(null, [job], [Row("unit"), Row("lint")]), StringComparison.Ordinal);
        Assert.StartsWith("@alice: all tests **passed!**\n\n\n<details>", TestReportComment.Render(null, [job], []), StringComparison.Ordinal);
    }

    [Fact]
    public void ANewFailure_DeletesTheOldComment_AndCarriesItsRowsIntoANewOne()
    {
        var old = TestReportComment.Render(null, [Job("lint", ProwJobState.Failure)], [Row("lint")]);

        var plan = TestReportComment.PlanFor([Job("unit", ProwJobState.Failure)], IsBot, [Comment(5, Bot, old)]);

        Assert.Equal([5L], plan.Deletes);
        Assert.Equal([Row("lint"), Row("unit")], plan.Entries);
        Assert.Null(plan.UpdateId);
    }

    [Fact]
    public void AFailedJobPassing_EditsTheCommentWithoutItsRow_AndTheLastRowGoingDeletesIt()
    {
        var both = TestReportComment.Render(null, [Job("lint", ProwJobState.Failure)], [Row("lint"), Row("unit")]);

        var plan = TestReportComment.PlanFor([Job("unit", ProwJobState.Success)], IsBot, [Comment(5, Bot, both)]);
        Assert.Empty(plan.Deletes);
        Assert.Equal([Row("lint")], plan.Entries);
        Assert.Equal(5L, plan.UpdateId);

        var last = TestReportComment.PlanFor([Job("lint", ProwJobState.Success)], IsBot, [Comment(5, Bot, TestReportComment.Render(null, [Job("lint", ProwJobState.Failure)], [Row("lint")]))]);
        Assert.Equal([5L], last.Deletes);
        Assert.Empty(last.Entries);
        Assert.Null(last.UpdateId);
    }

    [Fact]
    public void CommentsProwLeft_AreTakenOver_OthersAreLeftAlone_AndOlderDuplicatesDeleted()
    {
        // Prow's own comment (its marker, the bot's login) as Prow wrote it before this prow took over.
        const string prows = "@alice: The following test **failed**, say `/retest` to rerun all failed tests or `/retest-required` to rerun all mandatory failed tests:\n\n" +
            "Test name | Commit | Details | Required | Rerun command\n--- | --- | --- | --- | ---\n" +
            "e2e | abc | [link](https://old/e2e) | true | `/test e2e`\n\n<details>\n\nabout\n</details>\n<!-- test report -->";
        var comments = new[]
        {
            Comment(1, Bot, prows),
            Comment(2, "mallory", prows),
            Comment(3, Bot, prows.Replace("e2e", "lint", StringComparison.Ordinal)),
        };

        var plan = TestReportComment.PlanFor([Job("e2e", ProwJobState.Error)], IsBot, comments);

        // The error replaces e2e's row without a row of its own: Prow lists failures only.
        Assert.Equal([1L], plan.Deletes);
        Assert.Equal(["lint | abc | [link](https://old/lint) | true | `/test lint`"], plan.Entries);
        Assert.Equal(3L, plan.UpdateId);
    }

    [Fact]
    public void Required_ComesFromTheOptionalLabelOfPresubmits_ElseUnknown()
    {
        Assert.EndsWith("| true | `/test a`", TestReportComment.Entry(Job("a", ProwJobState.Failure, optional: false)), StringComparison.Ordinal);
        Assert.EndsWith("| false | `/test a`", TestReportComment.Entry(Job("a", ProwJobState.Failure, optional: true)), StringComparison.Ordinal);
        Assert.EndsWith("| unknown | `/test a`", TestReportComment.Entry(Job("a", ProwJobState.Failure, optional: null)), StringComparison.Ordinal);
        Assert.EndsWith("| unknown | `/test a`", TestReportComment.Entry(Job("a", ProwJobState.Failure, type: ProwJobType.Postsubmit)), StringComparison.Ordinal);
    }
}
