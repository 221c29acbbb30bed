namespace Prow.Config.Jobs;

/// <summary>Prow's default trigger and rerun command for a job name (pkg/config/config.go).</summary>
public static class JobDefaults
{
    public const string DefaultCluster = "default";
    public const string KubernetesAgent = "kubernetes";

    /// <summary>"/test all" as the trigger plugin matches it; it is not part of any job's trigger.</summary>
    public const string TestAllPattern = @"(?m)^/test all,?($|\s.*)";

    public const string RetestPattern = @"(?m)^/retest\s*$";

    public static string DefaultTriggerFor(string name) => $"(?m)^/test( | .* ){name},?($|\\s.*)";

    public static string DefaultRerunCommandFor(string name) => $"/test {name}";
}
