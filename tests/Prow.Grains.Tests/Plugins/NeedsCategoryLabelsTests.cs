using Prow.Grains.Plugins.Label;

namespace Prow.Grains.Tests.Plugins;

public sealed class NeedsCategoryLabelsTests
{
    private static readonly HashSet<string> s_repo = ["needs-kind", "needs-triage", "kind/bug", "kind/flake", "triage/accepted", "priority/backlog"];

    [Theory]
    [InlineData("", "kind/bug", "kind/bug", "needs-kind")]
    [InlineData("", "kind/bug", "kind/bug,kind/flake", "")]
    [InlineData("", "kind/bug,kind/flake", "kind/bug,kind/flake,triage/accepted", "needs-kind")]
    [InlineData("kind/flake", "kind/bug", "kind/bug", "")]
    [InlineData("", "priority/backlog", "priority/backlog", "")]
    [InlineData("", "kind/bug,triage/accepted", "kind/bug,triage/accepted", "needs-kind,needs-triage")]
    [InlineData("", "", "kind/bug", "")]
    public void ToAdd_WhenTheLastLabelOfACategoryGoes(string adding, string removing, string onIssue, string expected) =>
        Assert.Equal(expected, string.Join(',', NeedsCategoryLabels.ToAdd(Split(adding), Split(removing), Split(onIssue), s_repo)));

    private static string[] Split(string labels) => labels.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
