using Prow.GrainInterfaces.ProwJobs;

namespace Prow.Silo.Api;

/// <summary>Gangway's <c>JobExecutionType</c> enum: its names and numbers, and the ProwJob type each means.</summary>
internal static class JobExecutionType
{
    private static readonly (string Name, int Number, string ProwJobType)[] s_types =
    [
        ("PERIODIC", 1, ProwJobType.Periodic),
        ("POSTSUBMIT", 2, ProwJobType.Postsubmit),
        ("PRESUBMIT", 3, ProwJobType.Presubmit),
    ];

    /// <summary>The ProwJob type for a name (<c>PRESUBMIT</c>, or Prow's own <c>presubmit</c>) or number; null when it is none of them.</summary>
    public static string? ProwJobTypeOf(string nameOrNumber) =>
        s_types.FirstOrDefault(t => string.Equals(t.Name, nameOrNumber, StringComparison.OrdinalIgnoreCase)
            || t.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == nameOrNumber).ProwJobType;

    public static string NameOf(string prowJobType) => s_types.FirstOrDefault(t => t.ProwJobType == prowJobType).Name ?? "JOB_EXECUTION_TYPE_UNSPECIFIED";

    /// <summary>Gangway's <c>JobExecutionStatus</c> name for a ProwJob state.</summary>
    public static string StatusOf(string state) => state switch
    {
        ProwJobState.Triggered => "TRIGGERED",
        ProwJobState.Pending => "PENDING",
        ProwJobState.Success => "SUCCESS",
        ProwJobState.Failure => "FAILURE",
        ProwJobState.Aborted => "ABORTED",
        ProwJobState.Error => "ERROR",
        _ => "JOB_EXECUTION_STATUS_UNSPECIFIED",
    };
}
