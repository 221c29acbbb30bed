using Prow.Config;
using Prow.Grains.Plugins.ConfigUpdater;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Tests.Plugins;

public sealed class ConfigUpdaterMappingTests
{
    [Theory]
    [InlineData("config/prow/config.yaml", "config/prow/config.yaml", true)]
    [InlineData("config/prow/config.yaml", "config/prow/plugins.yaml", false)]
    [InlineData("config/jobs/*.yaml", "config/jobs/unit.yaml", true)]
    [InlineData("config/jobs/*.yaml", "config/jobs/team/unit.yaml", false)]
    [InlineData("config/jobs/**/*.yaml", "config/jobs/unit.yaml", true)]
    [InlineData("config/jobs/**/*.yaml", "config/jobs/a/b/unit.yaml", true)]
    [InlineData("config/jobs/**/*.yaml", "config/other/unit.yaml", false)]
    [InlineData("config/jobs/job?.yaml", "config/jobs/job1.yaml", true)]
    [InlineData("config/a.b.yaml", "config/aXb.yaml", false)]
    public void Glob_Matches(string glob, string path, bool expected) => Assert.Equal(expected, PathGlob.Matches(glob, path));

    [Fact]
    public void Resolve_ConfigAndPlugins_AreTheSilosFiles_JobConfigGoesIntoTheJobFolder()
    {
        var jobs = Directory.CreateTempSubdirectory("jobs-").FullName;
        try
        {
            var paths = new ConfigPaths("/etc/prow/config.yaml", jobs, "/etc/prow/plugins.yaml");

            Assert.Equal("/etc/prow/config.yaml", LocalConfigTargets.Resolve("config", "config.yaml", paths));
            Assert.Equal("/etc/prow/plugins.yaml", LocalConfigTargets.Resolve("plugins", "plugins.yaml", paths));
            Assert.Equal(Path.Combine(jobs, "unit.yaml"), LocalConfigTargets.Resolve("job-config", "unit.yaml", paths));
            Assert.Equal(Path.Combine(jobs, "e2e.yaml"), LocalConfigTargets.Resolve("job-config-misc", "e2e.yaml", paths));
            Assert.Null(LocalConfigTargets.Resolve("label-config", "labels.yaml", paths));
            Assert.Null(LocalConfigTargets.Resolve("job-config", "../escape.yaml", paths));
        }
        finally
        {
            Directory.Delete(jobs, recursive: true);
        }
    }

    [Fact]
    public void Resolve_JobConfigPathIsOneFile_OnlyThatFilesKeyGoesThere()
    {
        var paths = new ConfigPaths(null, "/etc/prow/jobs.yaml", null);

        Assert.Equal("/etc/prow/jobs.yaml", LocalConfigTargets.Resolve("job-config", "jobs.yaml", paths));
        Assert.Null(LocalConfigTargets.Resolve("job-config", "other.yaml", paths));
        Assert.Null(LocalConfigTargets.Resolve("config", "config.yaml", paths));
    }
}
