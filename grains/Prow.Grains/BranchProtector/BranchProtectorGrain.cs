using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Services.Configuration;

namespace Prow.Grains.BranchProtector;

/// <summary>
/// Branchprotector. For every branch of every repository the <c>branch-protection</c> section names, the plan says
/// protect (with what), unprotect, or leave alone; GitHub's current protection is read and only a difference is
/// written. With <c>--dry-run</c> the GitHub client logs those writes instead of sending them.
/// </summary>
public sealed partial class BranchProtectorGrain(
    [PersistentState("branchprotector")] IPersistentState<BranchProtectorState> state,
    IConfigSource config,
    IRepositoryClient github,
    ProwGrainOptions options,
    TimeProvider time,
    ILogger<BranchProtectorGrain> logger) : Grain, IBranchProtectorGrain
{
    /// <summary>How often protection is applied when the configuration has not changed (Prow runs it as a periodic job).</summary>
    public static readonly TimeSpan FullPassEvery = TimeSpan.FromHours(1);

    private const string ReminderName = "branchprotector";

    /// <summary>Registers the reminder and looks once now: Orleans' first reminder tick comes a period after registration.</summary>
    async Task IBranchProtectorGrain.EnsureScheduledAsync()
    {
        await this.RegisterOrUpdateReminder(ReminderName, options.PeriodicTick, options.PeriodicTick);
        this.RegisterGrainTimer(_ => ReceiveReminder(ReminderName, default), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    Task<BranchProtectionPass> IBranchProtectorGrain.ApplyAsync() => ApplyAsync();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var current = state.State;
        if (current.Fingerprint != config.Current.Fingerprint || current.LastPass is not { } last || time.GetUtcNow() - last >= FullPassEvery)
        {
            await ApplyAsync();
        }
    }

    private async Task<BranchProtectionPass> ApplyAsync()
    {
        var snapshot = config.Current;
        var (updated, unprotected, unchanged, failed) = (new List<string>(), new List<string>(), new List<string>(), new List<string>());
        foreach (var (org, node) in snapshot.Prow.BranchProtection.Orgs)
        {
            foreach (var repo in node.Children.Keys)
            {
                try
                {
                    foreach (var branch in await github.ListBranchesAsync(org, repo, CancellationToken.None))
                    {
                        var name = $"{org}/{repo}@{branch.Name}";
                        var (managed, desired) = ProtectionPlan.For(snapshot, org, repo, branch.Name);
                        if (!managed)
                        {
                            continue;
                        }

                        if (desired is null)
                        {
                            await UnprotectAsync(org, repo, branch, name, unprotected, unchanged);
                        }
                        else if (ProtectionPlan.Differs(await github.GetBranchProtectionAsync(org, repo, branch.Name, CancellationToken.None), desired))
                        {
                            await github.UpdateBranchProtectionAsync(org, repo, branch.Name, desired, CancellationToken.None);
                            updated.Add(name);
                        }
                        else
                        {
                            unchanged.Add(name);
                        }
                    }
                }
                catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or TaskCanceledException)
                {
                    LogRepositoryFailed(logger, ex, org, repo);
                    failed.Add($"{org}/{repo}");
                }
            }
        }

        var pass = new BranchProtectionPass(updated, unprotected, unchanged, failed, time.GetUtcNow());
        LogPass(logger, updated.Count, unprotected.Count, unchanged.Count, failed.Count);
        state.State = new BranchProtectorState { Fingerprint = failed.Count == 0 ? snapshot.Fingerprint : null, LastPass = pass.At };
        await state.WriteStateAsync();
        return pass;
    }

    private async Task UnprotectAsync(string org, string repo, Branch branch, string name, List<string> unprotected, List<string> unchanged)
    {
        if (branch.Protected)
        {
            await github.RemoveBranchProtectionAsync(org, repo, branch.Name, CancellationToken.None);
            unprotected.Add(name);
        }
        else
        {
            unchanged.Add(name);
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Branch protection for {Org}/{Repo} could not be applied; next pass retries")]
    private static partial void LogRepositoryFailed(ILogger logger, Exception exception, string org, string repo);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Branch protection: {Updated} updated, {Unprotected} unprotected, {Unchanged} unchanged, {Failed} repositories failed")]
    private static partial void LogPass(ILogger logger, int updated, int unprotected, int unchanged, int failed);
}
