using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Grains.Plugins.Framework;
using Prow.Services.Configuration;

namespace Prow.Grains.Plugins.NeedsRebase;

/// <summary>
/// Runs <see cref="NeedsRebaseRescan"/> on a durable reminder every <c>--needs-rebase-update-period</c>. The reminder
/// is registered again only when the period changed, so restarts neither move the next pass nor cause one; a failed
/// pass (GitHub unreachable) is logged and the next one tries again.
/// </summary>
public sealed partial class NeedsRebaseRescanGrain(
    [PersistentState("needsrebaserescan")] IPersistentState<NeedsRebaseRescanState> state,
    IConfigSource config,
    IGitHubClient gitHub,
    BotIdentity bot,
    ProwGrainOptions options,
    TimeProvider time,
    ILogger<NeedsRebaseRescanGrain> logger) : Grain, INeedsRebaseRescanGrain
{
    public const string Key = "needs-rebase";
    private const string ReminderName = "needs-rebase-rescan";

    async Task INeedsRebaseRescanGrain.EnsureScheduledAsync()
    {
        var period = options.NeedsRebaseUpdatePeriod;
        if (state.State.Period == period && await this.GetReminder(ReminderName) is not null)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(ReminderName, period, period);
        state.State = state.State with { Period = period };
        await state.WriteStateAsync();
    }

    async Task<int> INeedsRebaseRescanGrain.RescanAsync() => await PassAsync();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        try
        {
            await PassAsync();
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or TaskCanceledException)
        {
            LogPassFailed(logger, ex);
        }
    }

    private async Task<int> PassAsync()
    {
        var started = time.GetTimestamp();
        var seen = await NeedsRebaseRescan.RunAsync(new PluginContext(config.Current, gitHub, bot.LoginAsync, logger, time, CancellationToken.None));
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        LogPass(logger, seen, seconds);
        state.State = state.State with { LastPass = time.GetUtcNow() };
        await state.WriteStateAsync();
        return seen;
    }

    [LoggerMessage(EventId = 3451, Level = LogLevel.Information, Message = "needs-rebase: periodic pass looked at {Count} open pull requests in {Seconds:F1} s")]
    private static partial void LogPass(ILogger logger, int count, double seconds);

    [LoggerMessage(EventId = 3452, Level = LogLevel.Warning, Message = "needs-rebase: periodic pass failed; the next one tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
