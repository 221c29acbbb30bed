using System.Text.RegularExpressions;
using Prow.Config;
using Prow.Config.Jobs;

namespace Prow.Grains.Tide;

/// <summary>
/// Which status contexts a pull request on one branch must pass before tide merges it: the presubmits that could
/// run there (required unless optional or skip_report), tide.context_options, and branch protection when asked.
/// </summary>
public sealed class ContextRequirements
{
    /// <summary>Tide's own context is never a requirement.</summary>
    public const string TideContext = "tide";

    private readonly HashSet<string> _required;
    private readonly HashSet<string> _requiredIfPresent;
    private readonly HashSet<string> _optional;
    private readonly List<Regex> _optionalPatterns;
    private readonly HashSet<string> _jobContexts;
    private readonly bool _skipUnknown;

    private ContextRequirements(
        IReadOnlyList<Presubmit> requiredJobs,
        HashSet<string> required,
        HashSet<string> requiredIfPresent,
        HashSet<string> optional,
        List<Regex> optionalPatterns,
        HashSet<string> jobContexts,
        bool skipUnknown)
    {
        RequiredJobs = requiredJobs;
        _required = required;
        _requiredIfPresent = requiredIfPresent;
        _optional = optional;
        _optionalPatterns = optionalPatterns;
        _jobContexts = jobContexts;
        _skipUnknown = skipUnknown;
    }

    /// <summary>The presubmits tide runs before merging: required, and run on every pull request (or run_before_merge).</summary>
    public IReadOnlyList<Presubmit> RequiredJobs { get; }

    public static ContextRequirements For(ConfigSnapshot config, string org, string repo, string branch)
    {
        ArgumentNullException.ThrowIfNull(config);
        var presubmits = config.Jobs.PresubmitsFor(org, repo).Where(p => p.CouldRun(branch)).ToList();
        var requiredJobs = presubmits.Where(p => p.ContextRequired && (p.AlwaysRun || p.RunBeforeMerge)).ToList();
        var policy = config.Prow.Tide.ContextOptions.PolicyFor(org, repo, branch);
        var required = new HashSet<string>(policy.RequiredContexts, StringComparer.Ordinal);
        required.UnionWith(requiredJobs.Select(ContextOf));
        if (policy.FromBranchProtection == true)
        {
            required.UnionWith(config.Prow.BranchProtection.PolicyFor(org, repo, branch).RequiredContexts ?? []);
        }

        var requiredIfPresent = new HashSet<string>(policy.RequiredIfPresentContexts, StringComparer.Ordinal);
        requiredIfPresent.UnionWith(presubmits.Where(p => p.ContextRequired && !requiredJobs.Contains(p)).Select(ContextOf));
        var optional = new HashSet<string>(policy.OptionalContexts, StringComparer.Ordinal) { TideContext };
        optional.UnionWith(presubmits.Where(p => !p.ContextRequired).Select(ContextOf));
        var patterns = policy.OptionalRegexContexts.Select(p => GoRegex.TryCompile(p, out var re, out _) ? re : null).OfType<Regex>().ToList();
        var jobContexts = new HashSet<string>(presubmits.Select(ContextOf), StringComparer.Ordinal);
        return new ContextRequirements(requiredJobs, required, requiredIfPresent, optional, patterns, jobContexts, policy.SkipUnknownContexts == true);
    }

    public static string ContextOf(Presubmit job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Context.Length > 0 ? job.Context : job.Name;
    }

    /// <summary>
    /// The contexts that keep the pull request out of the pool: a failed one, or one that is missing or pending and
    /// is not a Prow job (tide can run Prow jobs itself, so those may be missing or pending).
    /// </summary>
    public IReadOnlyList<string> Unmet(IReadOnlyDictionary<string, string> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var unmet = new List<string>();
        foreach (var context in _required.Order(StringComparer.Ordinal))
        {
            if (!Acceptable(context, contexts.GetValueOrDefault(context)))
            {
                unmet.Add(context);
            }
        }

        foreach (var (context, state) in contexts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (_required.Contains(context) || IsOptional(context) || (!_requiredIfPresent.Contains(context) && _skipUnknown))
            {
                continue;
            }

            if (!Acceptable(context, state))
            {
                unmet.Add(context);
            }
        }

        return unmet;
    }

    private bool Acceptable(string context, string? state) => state switch
    {
        "success" => true,
        "failure" or "error" => false,
        _ => _jobContexts.Contains(context),
    };

    private bool IsOptional(string context) => _optional.Contains(context) || _optionalPatterns.Exists(p => p.IsMatch(context));
}
