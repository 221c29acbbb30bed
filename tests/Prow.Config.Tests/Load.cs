namespace Prow.Config.Tests;

/// <summary>Loads YAML written by a test as config.yaml plus an optional job file.</summary>
internal static class Load
{
    public static ConfigLoadResult Config(TempDir dir, string configYaml, string? jobYaml = null, bool strict = false, string? pluginsYaml = null)
    {
        var config = dir.Write("config.yaml", configYaml);
        string? jobs = null;
        if (jobYaml is not null)
        {
            dir.Write("jobs/test-jobs.yaml", jobYaml);
            jobs = Path.Combine(dir.Root, "jobs");
        }

        var plugins = pluginsYaml is null ? null : dir.Write("plugins.yaml", pluginsYaml);
        return ConfigLoader.Load(new ConfigPaths(config, jobs, plugins), strict);
    }

    public static ConfigSnapshot Ok(TempDir dir, string configYaml, string? jobYaml = null, string? pluginsYaml = null)
    {
        var result = Config(dir, configYaml, jobYaml, pluginsYaml: pluginsYaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Snapshot!;
    }

    /// <summary>Asserts exactly one error, in the given file and line, naming the field.</summary>
    public static ConfigProblem SingleError(ConfigLoadResult result, string fileEnding, int line, string fieldPart)
    {
        Assert.False(result.Succeeded);
        var errors = result.Errors.ToList();
        var error = Assert.Single(errors);
        Assert.EndsWith(fileEnding, error.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Contains(fieldPart, error.Field, StringComparison.Ordinal);
        return error;
    }
}
