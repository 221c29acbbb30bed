using Prow.Config.Cron;

namespace Prow.Config.Tests;

public sealed class CronTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 20, 10, 7, 30, TimeSpan.Zero); // a Friday

    [Theory]
    [InlineData("*/15 * * * *", "2026-11-20T10:15:00Z")]
    [InlineData("0 0 * * *", "2026-11-21T00:00:00Z")]
    [InlineData("30 9 * * MON-FRI", "2026-11-23T09:30:00Z")]
    [InlineData("0 12 * * sat,sun", "2026-11-21T12:00:00Z")]
    [InlineData("0 0 1 JAN *", "2027-01-01T00:00:00Z")]
    [InlineData("5 4 29 2 *", "2028-02-29T04:05:00Z")]
    [InlineData("0 6 1-7 * 1", "2026-11-23T06:00:00Z")] // both day fields set: either matches, as in cron
    [InlineData("@hourly", "2026-11-20T11:00:00Z")]
    [InlineData("@daily", "2026-11-21T00:00:00Z")]
    [InlineData("@weekly", "2026-11-22T00:00:00Z")]
    [InlineData("@monthly", "2026-12-01T00:00:00Z")]
    [InlineData("@yearly", "2027-01-01T00:00:00Z")]
    [InlineData("@every 1h", "2026-11-20T11:07:30Z")]
    [InlineData("0 22, 10 * * *", "2026-11-20T10:22:00Z")] // six fields: seconds first; "22," is 22 (kubevirt corpus)
    public void Next_Expression_ReturnsNextUtcTime(string expression, string expected)
    {
        var next = CronSchedule.Parse(expression).Next(s_start);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void Next_ImpossibleDate_ReturnsNullQuickly()
    {
        var schedule = CronSchedule.Parse("0 0 31 2 *");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(schedule.Next(s_start));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), watch.Elapsed.ToString());
    }

    [Theory]
    [InlineData("61 * * * *")]
    [InlineData("* * * *")]
    [InlineData("* * * * FOO")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-1 * * * *")]
    [InlineData("@sometimes")]
    [InlineData("TZ=Europe/Berlin 0 0 * * *")]
    public void TryParse_Invalid_ReturnsError(string expression)
    {
        Assert.False(CronSchedule.TryParse(expression, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Next_EveryCorpusCron_ParsesAndTerminates()
    {
        var result = ConfigLoader.Load(new ConfigPaths(null, Corpus.Path("kubevirt_project-infra/jobs")));
        var crons = result.Snapshot!.Jobs.Periodics.Where(p => p.Cron is not null).ToList();

        Assert.NotEmpty(crons);
        Assert.All(crons, p => Assert.NotNull(p.CronSchedule!.Next(s_start)));
    }
}
