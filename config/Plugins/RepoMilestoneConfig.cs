namespace Prow.Config.Plugins;

/// <summary>
/// One <c>repo_milestone</c> entry: the GitHub team whose members may set milestones and status labels
/// (the milestone and milestonestatus plugins), by slug or by the older numeric id.
/// </summary>
public sealed record RepoMilestoneConfig
{
    /// <summary>What Prow documents as the default name people are told to contact.</summary>
    public const string DefaultFriendlyName = "SIG Chairs/TLs";

    /// <summary><c>maintainers_id</c>: the team's numeric id; Prow deprecates it in favour of the slug.</summary>
    public int MaintainersId { get; init; }

    /// <summary><c>maintainers_team</c>: the team's slug; wins over the id when both are set.</summary>
    public string MaintainersTeam { get; init; } = "";

    public string MaintainersFriendlyName { get; init; } = DefaultFriendlyName;
}
