namespace Prow.Clients.GitHub;

public sealed record CollaboratorAccess
{
    /// <summary>admin, write, read or none (maintain and triage fold into write and read).</summary>
    public string Permission { get; set; } = "none";

    /// <summary>The finer role: admin, maintain, write, triage, read.</summary>
    public string? RoleName { get; set; }
    public User User { get; set; } = new();
}
