using Prow.Config.Owners;
using Prow.Grains.OwnersFiles;

namespace Prow.Grains.Plugins.Approve;

/// <summary>
/// Which OWNERS files a pull request needs approvals from, and which of them a set of approvers covers.
/// Each changed file belongs to the nearest OWNERS file (walking up) that has approvers; an OWNERS file below
/// another one in the set is dropped, because the upper one's approvers can approve it too, unless a
/// <c>no_parent_owners</c> on the way cuts it off. A file is covered by anyone listed as its approver in its own
/// OWNERS file or any parent up to a <c>no_parent_owners</c>. Directories are repository-relative, "" is the root.
/// </summary>
public sealed class ApprovalCoverage
{
    private readonly RepoOwners _owners;
    private readonly List<(string File, string Directory, IReadOnlySet<string> Approvers)> _files = [];
    private readonly SortedSet<string> _directories = new(StringComparer.Ordinal);

    // Per OWNERS directory, everyone who can approve some file of it, and the closest of them (asked once, not per lookup).
    private readonly Dictionary<string, (HashSet<string> All, HashSet<string> Leaf)> _approversByDirectory = new(StringComparer.Ordinal);
    private readonly int _changedCount;

    public ApprovalCoverage(RepoOwners owners, IEnumerable<string> changedFiles)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(changedFiles);
        _owners = owners;
        foreach (var file in changedFiles)
        {
            _changedCount++;
            var directory = owners.FindApproverOwnersForFile(file) ?? "";
            if (IsAutoApproved(file, directory))
            {
                continue;
            }

            var approvers = owners.Approvers(file);
            _files.Add((file, directory, approvers));
            _directories.Add(directory);
            if (!_approversByDirectory.TryGetValue(directory, out var known))
            {
                _approversByDirectory[directory] = known = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));
            }

            known.All.UnionWith(approvers);
            known.Leaf.UnionWith(owners.LeafApprovers(file));
        }

        foreach (var directory in _directories.ToList().Where(HasCoveringParent))
        {
            _directories.Remove(directory);
        }
    }

    /// <summary>The OWNERS directories that each need one approval.</summary>
    public IReadOnlyCollection<string> Directories => _directories;

    /// <summary>
    /// True when the pull request changes something and <paramref name="approvers"/> cover every file that needs
    /// approval (none may, when all fall under auto_approve_unowned_subfolders).
    /// </summary>
    public bool AllApprovedBy(IReadOnlySet<string> approvers) => _changedCount > 0 && UnapprovedBy(approvers).Count == 0;

    /// <summary>The OWNERS directories none of <paramref name="approvers"/> (lower-case logins) can approve.</summary>
    public IReadOnlySet<string> UnapprovedBy(IReadOnlySet<string> approvers)
    {
        ArgumentNullException.ThrowIfNull(approvers);
        var unapproved = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, directory, fileApprovers) in _files)
        {
            if (_directories.Contains(directory) && !fileApprovers.Overlaps(approvers))
            {
                unapproved.Add(directory);
            }
        }

        return unapproved;
    }

    /// <summary>Who among <paramref name="approvers"/> can approve some file of this OWNERS directory.</summary>
    public IReadOnlyList<string> ApproversIn(string directory, IReadOnlySet<string> approvers) =>
        _approversByDirectory.TryGetValue(directory, out var known) ? [.. known.All.Where(approvers.Contains).Order(StringComparer.Ordinal)] : [];

    /// <summary>
    /// People to ask so that every OWNERS directory is covered, given who approved already: first those of
    /// <paramref name="assignees"/> who would help, then the closest approvers of what is left, each pick the one
    /// covering the most. <paramref name="seed"/> rotates the candidates so that ties go to different people on
    /// different pull requests.
    /// </summary>
    public (IReadOnlyList<string> Assigned, IReadOnlyList<string> Suggested) Suggest(IReadOnlySet<string> approvers, IReadOnlyCollection<string> assignees, int seed)
    {
        ArgumentNullException.ThrowIfNull(approvers);
        ArgumentNullException.ThrowIfNull(assignees);
        var remaining = new HashSet<string>(UnapprovedBy(approvers), StringComparer.Ordinal);
        var assigned = PickCovering(remaining, assignees.Where(a => !approvers.Contains(a)).Order(StringComparer.Ordinal).ToList(), leafOnly: false);
        var leafApprovers = _directories.SelectMany(d => _approversByDirectory[d].Leaf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var suggested = PickCovering(remaining, CandidateRotation.Rotate(leafApprovers, seed), leafOnly: true);
        return (assigned, suggested);
    }

    /// <summary>Greedy set cover: takes the candidate covering most of <paramref name="remaining"/> until none helps.</summary>
    private List<string> PickCovering(HashSet<string> remaining, List<string> candidates, bool leafOnly)
    {
        var picked = new List<string>();
        while (remaining.Count > 0)
        {
            var best = candidates
                .Select(c => (Login: c, Covers: remaining.Where(d => CanApprove(c, d, leafOnly)).ToList()))
                .Where(x => x.Covers.Count > 0)
                .OrderByDescending(x => x.Covers.Count) // stable: on a tie the earlier candidate wins
                .FirstOrDefault();
            if (best.Login is null)
            {
                break;
            }

            picked.Add(best.Login);
            candidates.Remove(best.Login);
            remaining.ExceptWith(best.Covers);
        }

        return picked;
    }

    private bool CanApprove(string login, string directory, bool leafOnly) =>
        (leafOnly ? _approversByDirectory[directory].Leaf : _approversByDirectory[directory].All).Contains(login);

    // A file in a subfolder without approvers of its own, under an OWNERS that approves such subfolders automatically.
    private bool IsAutoApproved(string file, string directory)
    {
        var slash = file.LastIndexOf('/');
        var fileDirectory = slash < 0 ? "" : file[..slash];
        return fileDirectory != directory && _owners.IsAutoApproveUnownedSubfolders(directory);
    }

    private bool HasCoveringParent(string directory)
    {
        var path = directory;
        while (path.Length > 0 && !_owners.IsNoParentOwners(path))
        {
            var slash = path.LastIndexOf('/');
            path = slash < 0 ? "" : path[..slash];
            if (_directories.Contains(path))
            {
                return true;
            }
        }

        return false;
    }
}
