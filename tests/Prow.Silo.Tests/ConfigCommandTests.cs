using Microsoft.Extensions.DependencyInjection;
using Prow.Services.Configuration;
using Prow.Silo.Cli;

namespace Prow.Silo.Tests;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CheckConfig_Examples_ValidEvenWhenStrict()
    {
        var (exit, output, error) = await RunAsync("check-config", "--strict",
            "--config-path", Path.Combine(RepositoryRoot.Examples, "config.yaml"),
            "--job-config-path", Path.Combine(RepositoryRoot.Examples, "jobs"),
            "--plugin-config", Path.Combine(RepositoryRoot.Examples, "plugins.yaml"));

        Assert.True(exit == 0, error);
        Assert.Equal("", error);
        Assert.StartsWith("config OK: 2 presubmits, 1 postsubmits, 1 periodics", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_BrokenJob_NamesFileLineAndField()
    {
        var jobs = Path.Combine(_folder.Path, "jobs.yaml");
        await File.WriteAllTextAsync(jobs, "periodics:\n- name: both\n  interval: 1h\n  cron: '0 * * * *'\n  spec:\n    containers:\n    - image: alpine\n");

        var (exit, _, error) = await RunAsync("check-config", "--job-config-path", jobs);

        Assert.Equal(1, exit);
        Assert.Contains($"{jobs}:3: periodics.both.interval: cron and interval cannot be both set", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithBrokenConfig_RefusesToStartNamingTheProblem()
    {
        var config = Path.Combine(_folder.Path, "config.yaml");
        await File.WriteAllTextAsync(config, "tide:\n  sync_period: [not, a, duration]\n");

        var (exit, _, error) = await RunAsync("run", "--storage", "memory:", "--urls", "http://127.0.0.1:0", "--config-path", config);

        Assert.Equal(1, exit);
        Assert.StartsWith("prow: the configuration is invalid:", error, StringComparison.Ordinal);
        Assert.Contains($"{config}:2:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunningHost_BrokenEdit_KeepsLastGoodConfig_GoodEditIsPickedUp()
    {
        var jobs = Path.Combine(_folder.Path, "jobs");
        Directory.CreateDirectory(jobs);
        var file = Path.Combine(jobs, "org.yaml");
        await File.WriteAllTextAsync(file, Presubmits("unit"));
        await using var prow = await InProcessProw.StartAsync(_folder.Path, o => o with { JobConfigPath = jobs });
        var source = prow.Services.GetRequiredService<IConfigSource>();
        Assert.Equal(["unit"], source.Current.Jobs.PresubmitsFor("org/repo").Select(p => p.Name));

        await File.WriteAllTextAsync(file, "presubmits:\n  org/repo:\n  - name: broken\n    always_run: yes-please\n");
        await Task.Delay(1500);
        Assert.Equal(["unit"], source.Current.Jobs.PresubmitsFor("org/repo").Select(p => p.Name));

        await File.WriteAllTextAsync(file, Presubmits("unit", "lint"));
        for (var i = 0; i < 200 && source.Current.Jobs.PresubmitCount != 2; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(["unit", "lint"], source.Current.Jobs.PresubmitsFor("org/repo").Select(p => p.Name));
    }

    private static string Presubmits(params string[] names) =>
        "presubmits:\n  org/repo:\n" + string.Concat(names.Select(n => $"  - name: {n}\n    always_run: true\n    spec:\n      containers:\n      - image: alpine\n        command: [\"true\"]\n"));

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ProwCommandLine.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
