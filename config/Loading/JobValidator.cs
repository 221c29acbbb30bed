using System.Text.RegularExpressions;
using Prow.Config.Cron;
using Prow.Config.Jobs;

namespace Prow.Config.Loading;

/// <summary>Prow's job validation (validatePresubmits, validatePostsubmits, validatePeriodics, validateJobBase).</summary>
/// <param name="plank">For the job queues a job may name (plank.job_queue_capacities).</param>
internal sealed partial class JobValidator(ProblemSink sink, Components.PlankConfig plank)
{
    public static string FieldOf(JobBase job, string field)
    {
        var prefix = job switch
        {
            Presubmit p => $"presubmits.{p.Repo}.{job.Name}",
            Postsubmit p => $"postsubmits.{p.Repo}.{job.Name}",
            _ => $"periodics.{job.Name}",
        };
        return field.Length == 0 ? prefix : $"{prefix}.{field}";
    }

    public void ValidatePresubmits(IReadOnlyList<Presubmit> jobs)
    {
        ValidateUniqueness(jobs, p => p.Brancher, "presubmit");
        ValidateContexts(jobs, p => p.Brancher, p => p.Context);
        foreach (var ps in jobs)
        {
            ValidateBase(ps);
            ValidateBranches(ps, ps.Brancher);
            ValidateChangeMatcher(ps, ps.ChangeMatcher, ps.AlwaysRun);
            ValidateTrigger(ps);
        }
    }

    public void ValidatePostsubmits(IReadOnlyList<Postsubmit> jobs)
    {
        ValidateUniqueness(jobs, p => p.Brancher, "postsubmit");
        ValidateContexts(jobs, p => p.Brancher, p => p.Context);
        foreach (var ps in jobs)
        {
            ValidateBase(ps);
            ValidateBranches(ps, ps.Brancher);
            ValidateChangeMatcher(ps, ps.ChangeMatcher, ps.AlwaysRun == true);
        }
    }

    public void ValidatePeriodics(IReadOnlyList<Periodic> jobs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in jobs)
        {
            if (!seen.Add(p.Name))
            {
                Error(p, "name", $"duplicated periodic job: {p.Name}");
            }

            ValidateBase(p);
            ValidateSchedule(p);
        }
    }

    private void ValidateSchedule(Periodic p)
    {
        var set = new[] { ("cron", p.Cron), ("interval", p.Interval), ("minimum_interval", p.MinimumInterval) }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).ToList();
        if (set.Count > 1)
        {
            Error(p, set[1].Item1, $"{string.Join(" and ", set.Select(s => s.Item1))} cannot be both set in periodic {p.Name}");
        }
        else if (set.Count == 0)
        {
            Error(p, "", $"one of cron, interval or minimum_interval must be set in periodic {p.Name}");
        }

        if (!string.IsNullOrEmpty(p.Cron) && !CronSchedule.TryParse(p.Cron, out _, out var cronError))
        {
            Error(p, "cron", $"invalid cron string {p.Cron} in periodic {p.Name}: {cronError}");
        }

        foreach (var (field, value) in new[] { ("interval", p.Interval), ("minimum_interval", p.MinimumInterval) })
        {
            if (!string.IsNullOrEmpty(value) && !GoDuration.TryParse(value, out _))
            {
                Error(p, field, $"cannot parse duration \"{value}\" for {p.Name}");
            }
        }
    }

    // Same name twice in one repo is an error when the branch sets overlap; grouping keeps this linear.
    private void ValidateUniqueness<T>(IReadOnlyList<T> jobs, Func<T, Brancher> brancher, string kind)
        where T : JobBase
    {
        foreach (var group in jobs.GroupBy(j => j.Name, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            var list = group.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                if (list.Take(i).Any(e => brancher(e).Intersects(brancher(list[i]))))
                {
                    Error(list[i], "name", $"duplicated {kind} job: {list[i].Name}");
                }
            }
        }
    }

    // Two different jobs reporting one context on overlapping branches; reported once, on the later job.
    private void ValidateContexts<T>(IReadOnlyList<T> jobs, Func<T, Brancher> brancher, Func<T, string> context)
        where T : JobBase
    {
        foreach (var group in jobs.GroupBy(context, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            var list = group.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                var job = list[i];
                var other = list.Take(i).FirstOrDefault(o => o.Name != job.Name && brancher(o).Intersects(brancher(job)));
                if (other is not null)
                {
                    Error(job, "context", $"jobs {other.Name} and {job.Name} report to the same GitHub context \"{context(job)}\"");
                }
            }
        }
    }

    private void ValidateBase(JobBase job)
    {
        if (!JobNameRegex().IsMatch(job.Name))
        {
            Error(job, "name", $"name \"{job.Name}\" must match regex ^[A-Za-z0-9-._]+$");
        }

        if (job.MaxConcurrency < 0)
        {
            Error(job, "max_concurrency", $"max_concurrency: {job.MaxConcurrency} must be a non-negative number");
        }

        if (!string.IsNullOrEmpty(job.JobQueueName) && !plank.JobQueueCapacities.ContainsKey(job.JobQueueName))
        {
            Error(job, "job_queue_name", $"invalid job queue name {job.JobQueueName}: plank.job_queue_capacities has no such queue");
        }

        if (job.Agent == JobDefaults.KubernetesAgent && (job.Spec is null || job.Spec.Containers.Count == 0))
        {
            Error(job, "spec", "kubernetes jobs require a spec with at least one container");
        }
        else if (job.Spec is not null && job.Agent != JobDefaults.KubernetesAgent)
        {
            Error(job, "agent", $"job specs require agent: kubernetes (found \"{job.Agent}\")");
        }

        if (job.Decorated && job.Spec is not null)
        {
            foreach (var c in job.Spec.Containers.Where(c => c.Command.Count == 0 && c.Args.Count == 0))
            {
                Error(job, "spec", $"decorated job containers must specify command and/or args (container \"{c.Name}\")");
            }
        }
    }

    private void ValidateBranches(JobBase job, Brancher b)
    {
        foreach (var (field, list) in new[] { ("branches", b.Branches), ("skip_branches", b.SkipBranches) })
        {
            if (Brancher.Validate(list) is { } error)
            {
                Error(job, field, $"could not compile {field} regex: {error}");
            }
        }
    }

    private void ValidateChangeMatcher(JobBase job, RegexpChangeMatcher cm, bool alwaysRun)
    {
        foreach (var (field, value) in new[] { ("run_if_changed", cm.RunIfChanged), ("skip_if_only_changed", cm.SkipIfOnlyChanged) })
        {
            if (value is null)
            {
                continue;
            }

            if (!GoRegex.TryCompile(value, out _, out var error))
            {
                Error(job, field, $"could not compile {field} regex: {error}");
            }

            if (alwaysRun)
            {
                Error(job, field, $"job {job.Name} is set to always run but also declares {field} targets, which are mutually exclusive");
            }
        }

        if (cm.RunIfChanged is not null && cm.SkipIfOnlyChanged is not null)
        {
            Error(job, "skip_if_only_changed", $"job {job.Name} declares run_if_changed and skip_if_only_changed, which are mutually exclusive");
        }
    }

    private void ValidateTrigger(Presubmit ps)
    {
        if ((ps.Trigger.Length == 0) != (ps.RerunCommand.Length == 0))
        {
            var field = ps.Trigger.Length == 0 ? "rerun_command" : "trigger";
            Error(ps, field, $"either both of trigger and rerun_command must be set, wasn't the case for job \"{ps.Name}\"");
            return;
        }

        if (!GoRegex.TryCompile(ps.Trigger, out var re, out var error))
        {
            Error(ps, "trigger", $"could not compile trigger regex for {ps.Name}: {error}");
        }
        else if (!MatchesSafely(re!, ps.RerunCommand))
        {
            Error(ps, "rerun_command", $"for job {ps.Name}, rerun command \"{ps.RerunCommand}\" does not match trigger \"{ps.Trigger}\"");
        }
    }

    // A pathological pattern must fail validation, not the whole load.
    private static bool MatchesSafely(Regex re, string input)
    {
        try
        {
            return re.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private void Error(JobBase job, string field, string message) =>
        sink.Error(job.Source.File, job.Source.LineOf(field), FieldOf(job, field), message);

    [GeneratedRegex("^[A-Za-z0-9-._]+$")]
    private static partial Regex JobNameRegex();
}
