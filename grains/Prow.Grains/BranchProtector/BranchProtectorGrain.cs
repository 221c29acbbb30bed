using Microsoft.Extensions.Logging;
using Prow.Clients.GitHub;
using Prow.Services.Configuration;

namespace Prow.Grains.BranchProtector;

/// <summary>
/// Branchprotector. For every branch of every repository the <c>branch-protection</c> section covers (see
/// <see cref="ProtectionScope"/>; with <c>protect-tested-repos</c> also every repository with presubmits), the plan says
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
        var section = snapshot.Prow.BranchProtection;
        var pass = new PassRecord();
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (!ProtectionScope.SkipsEverything(section))
        {
            foreach (var org in section.Orgs.Keys.Where(o => !ProtectionScope.SkipsOrg(section, o)))
            {
                IReadOnlyList<(string Name, Repository? Known)> repos;
                try
                {
                    repos = ProtectionScope.CoversWholeOrg(section, org)
                        ? [.. (await github.ListOrgRepositoriesAsync(org, CancellationToken.None)).Select(r => (r.Name, (Repository?)r))]
                        : [.. section.Orgs[org].Children.Keys.Select(r => (r, (Repository?)null))];
                }
                catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or TaskCanceledException)
                {
                    LogOrgFailed(logger, ex, org);
                    pass.Failed.Add(org);
                    continue;
                }

                foreach (var (repo, known) in repos)
                {
                    done.Add($"{org}/{repo}");
                    await ApplyToRepositoryAsync(snapshot, org, repo, known, pass);
                }
            }

            if (section.ProtectTestedRepos == true)
            {
                foreach (var orgRepo in snapshot.Jobs.Presubmits.Keys.Where(done.Add))
                {
                    var slash = orgRepo.IndexOf('/', StringComparison.Ordinal);
                    await ApplyToRepositoryAsync(snapshot, orgRepo[..slash], orgRepo[(slash + 1)..], null, pass);
                }
            }
        }

        var result = new BranchProtectionPass(pass.Updated, pass.Unprotected, pass.Unchanged, pass.Failed, time.GetUtcNow());
        LogPass(logger, pass.Updated.Count, pass.Unprotected.Count, pass.Unchanged.Count, pass.Failed.Count);
        state.State = new BranchProtectorState { Fingerprint = pass.Failed.Count == 0 ? snapshot.Fingerprint : null, LastPass = result.At };
        await state.WriteStateAsync();
        return result;
    }

    /// <summary>One repository: skipped when unmanaged, archived or a private security fork; otherwise each branch its include/exclude patterns keep.</summary>
    private async Task ApplyToRepositoryAsync(Prow.Config.ConfigSnapshot snapshot, string org, string repo, Repository? known, PassRecord pass)
    {
        var section = snapshot.Prow.BranchProtection;
        if (ProtectionScope.SkipsRepository(section, org, repo))
        {
            return;
        }

        try
        {
            if (ProtectionScope.IsUnprotectable(known ?? await github.GetRepositoryAsync(org, repo, CancellationToken.None)))
            {
                return;
            }

            var included = ProtectionScope.BranchFilter(section, org, repo);
            foreach (var branch in (await github.ListBranchesAsync(org, repo, CancellationToken.None)).Where(b => included(b.Name)))
            {
                var name = $"{org}/{repo}@{branch.Name}";
                var (managed, desired) = ProtectionPlan.For(snapshot, org, repo, branch.Name);
                if (!managed)
                {
                    continue;
                }

                if (desired is null)
                {
                    await UnprotectAsync(org, repo, branch, name, pass.Unprotected, pass.Unchanged);
                }
                else if (ProtectionPlan.Differs(await github.GetBranchProtectionAsync(org, repo, branch.Name, CancellationToken.None), desired))
                {
                    await github.UpdateBranchProtectionAsync(org, repo, branch.Name, desired, CancellationToken.None);
                    pass.Updated.Add(name);
                }
                else
                {
                    pass.Unchanged.Add(name);
                }
            }
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or TaskCanceledException or ArgumentException)
        {
            // ArgumentException: an include or exclude pattern that does not compile.
            LogRepositoryFailed(logger, ex, org, repo);
            pass.Failed.Add($"{org}/{repo}");
        }
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

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The repositories of {Org} could not be listed for branch protection; next pass retries")]
    private static partial void LogOrgFailed(ILogger logger, Exception exception, string org);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Branch protection: {Updated} updated, {Unprotected} unprotected, {Unchanged} unchanged, {Failed} repositories failed")]
    private static partial void LogPass(ILogger logger, int updated, int unprotected, int unchanged, int failed);

    /// <summary>What one pass did so far.</summary>
    private sealed class PassRecord
    {
        public List<string> Updated { get; } = [];
        public List<string> Unprotected { get; } = [];
        public List<string> Unchanged { get; } = [];
        public List<string> Failed { get; } = [];
    }
}
