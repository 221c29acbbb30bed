using Prow.Config;

namespace Prow.Grains.Tests;

/// <summary>
/// Configuration for grain-level tests, loaded from YAML text through the same loader the silo uses on its files, so
/// tests start from real defaulting and validation rather than hand-built snapshots.
/// </summary>
internal sealed class YamlConfig : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-grains-config-").FullName;

    /// <summary>Loads <paramref name="jobsYaml"/> (and <paramref name="configYaml"/>, when given); fails the test on any problem.</summary>
    public ConfigSnapshot Load(string? configYaml, string jobsYaml)
    {
        var name = Guid.NewGuid().ToString("N");
        string? config = null;
        if (configYaml is not null)
        {
            config = Path.Combine(_folder, $"config-{name}.yaml");
            File.WriteAllText(config, configYaml);
        }

        var jobs = Path.Combine(_folder, $"jobs-{name}.yaml");
        File.WriteAllText(jobs, jobsYaml);
        var result = ConfigLoader.Load(new ConfigPaths(config, jobs));
        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        return result.Snapshot!;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
