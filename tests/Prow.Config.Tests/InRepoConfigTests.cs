namespace Prow.Config.Tests;

public sealed class InRepoConfigTests
{
    private const string Config = """
        in_repo_config:
          enabled: {org: true}
          allowed_clusters: {"*": [default], org/repo: [gpu]}
        presets:
        - labels: {preset-x: "true"}
          env: [{name: X, value: "1"}]
        presubmits:
          org/repo:
          - name: pull-static
            spec: {containers: [{image: x}]}
        """;

    [Fact]
    public void Load_ProwYaml_DefaultsPresetsAndClusters()
    {
        using var dir = new TempDir();
        var snapshot = Load.Ok(dir, Config);
        var prowYaml = """
            presubmits:
            - name: pull-in-repo
              cluster: gpu
              labels: {preset-x: "true"}
              spec: {containers: [{image: x}]}
            postsubmits:
            - name: post-in-repo
              spec: {containers: [{image: x}]}
            """;

        var result = InRepoConfigLoader.Load(snapshot, "org/repo", new Dictionary<string, string> { [".prow.yaml"] = prowYaml, ["README.md"] = "x" });

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var p = Assert.Single(result.Presubmits);
        Assert.Equal("pull-in-repo", p.Context);
        Assert.True(p.TriggerMatches("/test pull-in-repo"));
        Assert.Contains(p.Spec!.Containers[0].Env, e => e.Name == "X");
        Assert.Equal("post-in-repo", Assert.Single(result.Postsubmits).Name);
    }

    [Fact]
    public void Load_ProwDirectory_ClashWithStaticJobAndDisallowedCluster_AreErrors()
    {
        using var dir = new TempDir();
        var snapshot = Load.Ok(dir, Config);
        var files = new Dictionary<string, string>
        {
            [".prow/a.yaml"] = "presubmits:\n- name: pull-static\n  spec: {containers: [{image: x}]}\n",
            [".prow/b.yaml"] = "presubmits:\n- name: pull-b\n  cluster: secret\n  spec: {containers: [{image: x}]}\n",
        };

        // In another repo the name is free, but "secret" is still not an allowed cluster.
        var result = InRepoConfigLoader.Load(snapshot, "org/other", files);
        Assert.Equal("cluster", Assert.Single(result.Problems).Field.Split('.')[^1]);

        result = InRepoConfigLoader.Load(snapshot, "org/repo", files);
        var errors = result.Problems.OrderBy(p => p.File, StringComparer.Ordinal).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(".prow/a.yaml:2: presubmits.org/repo.pull-static.name: duplicated presubmit job: pull-static", errors[0].ToString());
        Assert.Equal((".prow/b.yaml", 3), (errors[1].File, errors[1].Line));
    }

    [Fact]
    public void Load_NotEnabledOrBothForms_AreRejected()
    {
        using var dir = new TempDir();
        var snapshot = Load.Ok(dir, Config);

        Assert.False(InRepoConfigLoader.Load(snapshot, "other/repo", new Dictionary<string, string>()).Succeeded);
        var both = InRepoConfigLoader.Load(snapshot, "org/repo", new Dictionary<string, string> { [".prow.yaml"] = "", [".prow/a.yaml"] = "" });
        Assert.Contains("both", Assert.Single(both.Problems).Message, StringComparison.Ordinal);
    }
}
