using Prow.Runtime.Hosting;
using Prow.Runtime.Sqlite;
using Prow.Runtime.Storage.Memory;

namespace Prow.Runtime.Tests;

public sealed class ReminderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-reminders-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Providers => new() { "memory", "sqlite" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reminder_RegisteredBeforeRestart_FiresOnDeactivatedGrainAfterRestart(string provider)
    {
        var memory = new MemoryStore();
        var path = Path.Combine(_folder, "reminders.db");

        await using (var first = await StartAsync(provider, memory, path))
        {
            await first.Grains.GetGrain<IReminderTestGrain>("r").StartAsync(TimeSpan.FromMilliseconds(700), TimeSpan.FromMinutes(10));
            Assert.Equal(0, first.Probe.Count("tick:r"));
        }

        await using var second = await StartAsync(provider, memory, path);
        Assert.Equal(0, second.Runtime.ActivationCount);
        await second.Probe.WaitUntilAsync(() => second.Probe.Count("tick:r") == 1, "reminder tick after restart");
        Assert.Single(second.Runtime.Statistics.Snapshot().Reminders);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reminder_MissedSlotsWhileDown_DeliveredOnceAndNeverAgainAfterAnotherRestart(string provider)
    {
        var memory = new MemoryStore();
        var path = Path.Combine(_folder, "missed.db");
        await using (var first = await StartAsync(provider, memory, path))
        {
            await first.Grains.GetGrain<IReminderTestGrain>("m").StartAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
            await first.Probe.WaitUntilAsync(() => first.Probe.Count("tick:m") == 1, "first tick");
        }

        await using var second = await StartAsync(provider, memory, path);
        await Task.Delay(500);

        // The slot delivered before the restart is recorded, so the restart does not deliver it again.
        Assert.Equal(0, second.Probe.Count("tick:m"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Reminder_KeepsTicking(string provider)
    {
        await using var silo = await StartAsync(provider, new MemoryStore(), Path.Combine(_folder, "ticking.db"));
        await silo.Grains.GetGrain<IReminderTestGrain>("k").StartAsync(TimeSpan.Zero, TimeSpan.FromMilliseconds(100));

        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("tick:k") >= 4, "four ticks");
    }

    [Fact]
    public async Task Reminder_Unregistered_StopsTicking()
    {
        await using var silo = await StartAsync("memory", new MemoryStore(), "");
        var grain = silo.Grains.GetGrain<IReminderTestGrain>("u");
        await grain.StartAsync(TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        await silo.Probe.WaitUntilAsync(() => silo.Probe.Count("tick:u") >= 2, "two ticks");

        await grain.StopAsync();
        var ticks = silo.Probe.Count("tick:u");
        await Task.Delay(400);

        Assert.InRange(silo.Probe.Count("tick:u"), ticks, ticks + 1);
        Assert.Equal(0, await grain.CountRemindersAsync());
    }

    [Fact]
    public async Task Reminder_PeriodBelowMinimum_IsRefused()
    {
        await using var silo = await StartAsync("memory", new MemoryStore(), "");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.Grains.GetGrain<IReminderTestGrain>("x").StartAsync(TimeSpan.Zero, TimeSpan.FromMilliseconds(1)));
    }

    private static async Task<TestSilo> StartAsync(string provider, MemoryStore memory, string path)
    {
        SqliteDatabase? database = provider == "sqlite" ? SqliteDatabase.Open(path) : null;
        var silo = await TestSilo.StartAsync(r =>
        {
            if (database is null)
            {
                r.UseMemoryStorage(memory);
            }
            else
            {
                r.UseSqliteStorage(database);
            }
        });
        return silo;
    }
}
