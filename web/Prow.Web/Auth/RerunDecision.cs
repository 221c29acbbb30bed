namespace Prow.Web.Auth;

/// <summary>Whether a person may rerun or abort a job, and in words why (shown beside a disabled button).</summary>
public sealed record RerunDecision(bool Allowed, string Reason)
{
    public static RerunDecision Allow(string reason) => new(true, reason);

    public static RerunDecision Deny(string reason) => new(false, reason);
}
