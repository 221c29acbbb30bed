namespace Prow.Config.Tests;

/// <summary>Prow's fully documented schemas name every field; none may be "unknown" to this loader.</summary>
public sealed class ReferenceSchemaTests
{
    [Fact]
    public void DocumentedProwAndPluginConfig_HaveNoUnknownFields()
    {
        var result = ConfigLoader.Load(new ConfigPaths(
            Corpus.Path("kubernetes-sigs_prow/reference/prow-config-documented.yaml"), null,
            Corpus.Path("kubernetes-sigs_prow/reference/plugin-config-documented.yaml")), strict: true);

        Assert.DoesNotContain(result.Problems, p => p.Message == "unknown field");

        // The schema's placeholder values (" ", "") are rightly rejected where Prow validates them.
        Assert.Contains(result.Errors, p => p.Field == "tide.merge_method.");
        Assert.Contains(result.Errors, p => p.Field == "github_reporter.job_types_to_report");
    }

    [Fact]
    public void CheckconfigTestdata_LoadsStrict()
    {
        var result = ConfigLoader.Load(new ConfigPaths(Corpus.Path("kubernetes-sigs_prow/reference/checkconfig-testdata-combined.yaml")), strict: true);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(13, result.Snapshot!.Jobs.PresubmitCount);
        Assert.Equal(2, result.Snapshot.Jobs.PostsubmitCount);
    }
}
