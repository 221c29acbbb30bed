using Prow.Config;

namespace Prow.Silo.Tests;

/// <summary>
/// A small configuration, loaded as the silo loads its files: a presubmit and a periodic (each with a pod spec), the
/// trigger plugin, a tide query and branch protection, so every grain has real work to do.
/// </summary>
internal static class ContractConfig
{
    public const string Jobs = """
        presubmits:
          org/repo:
          - name: unit
            always_run: true
            labels: {team: serialization}
            max_concurrency: 2
            spec:
              containers:
              - image: alpine
                command: [sh, -c, "echo unit"]
                env: [{name: GOFLAGS, value: -mod=vendor}]
                resources: {requests: {cpu: "1"}}
              nodeSelector: {kubernetes.io/arch: amd64}
        periodics:
        - name: nightly
          interval: 24h
          extra_refs:
          - {org: org, repo: repo, base_ref: main}
          spec:
            containers:
            - image: alpine
              command: [sh, -c, "echo nightly"]
        """;

    public const string Plugins = """
        plugins:
          org:
            plugins: [trigger]
        """;

    public const string Config = """
        tide:
          queries:
          - repos: [org/repo]
            labels: [lgtm]
        branch-protection:
          orgs:
            org:
              repos:
                repo:
                  protect: true
        """;

    public static ConfigSnapshot Load(string folder)
    {
        var paths = new ConfigPaths(Path.Combine(folder, "config.yaml"), Path.Combine(folder, "jobs.yaml"), Path.Combine(folder, "plugins.yaml"));
        File.WriteAllText(paths.ConfigPath!, Config);
        File.WriteAllText(paths.JobConfigPath!, Jobs);
        File.WriteAllText(paths.PluginConfigPath!, Plugins);
        var result = ConfigLoader.Load(paths);
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return result.Snapshot!;
    }
}
