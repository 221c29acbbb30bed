namespace Prow.FakeGitHub;

public sealed class FakeOrg(string login)
{
    public string Login { get; } = login;
    public HashSet<string> Members { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, List<string>> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>team id → slug in <see cref="Teams"/>, for the id-addressed team endpoints.</summary>
    public Dictionary<long, string> TeamIds { get; } = [];

    /// <summary>The App installation id for this org, or null when the App is not installed.</summary>
    public long? InstallationId { get; set; }
}
