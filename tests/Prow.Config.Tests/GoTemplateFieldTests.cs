namespace Prow.Config.Tests;

/// <summary>Go templates in the config are parsed when it loads, as Prow does: a broken one names file, line and field.</summary>
public sealed class GoTemplateFieldTests
{
    [Fact]
    public void Load_BrokenJobUrlTemplate_ReportsFileLineAndField()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "plank:\n  job_url_prefix_config:\n    '*': https://prow/view/\n  job_url_template: 'https://x/{{if .Spec.Refs}}{{.Spec.Job}}'\n");

        var error = Load.SingleError(result, "config.yaml", 4, "plank.job_url_template");
        Assert.Equal("template: JobURL:1: unexpected EOF", error.Message);
    }

    [Fact]
    public void Load_BrokenReportTemplate_IsRefused()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "plank:\n  report_templates:\n    '*': '{{nosuchfunction .Spec.Job}}'\n");

        var error = Load.SingleError(result, "config.yaml", 2, "plank.report_templates");
        Assert.Contains("function \"nosuchfunction\" not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenSlackReportTemplate_IsRefused()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "slack_reporter_configs:\n  '*':\n    channel: ci\n    report_template: '{{.Spec.Job'\n");

        var error = Load.SingleError(result, "config.yaml", 4, "report_template");
        Assert.StartsWith("template: SlackReport:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenMergeCommitTemplate_NamesItsLine()
    {
        using var dir = new TempDir();
        var result = Load.Config(dir, "tide:\n  merge_commit_template:\n    org/repo:\n      title: '{{ .Title }} (#{{ .Number }})'\n      body: '{{range .Body}}'\n");

        var error = Load.SingleError(result, "config.yaml", 5, "tide.merge_commit_template.org/repo.body");
        Assert.Equal("template: CommitBody:1: unexpected EOF", error.Message);
    }
}
