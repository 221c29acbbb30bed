using Prow.Config.Owners;
using Prow.Grains.OwnersFiles;

namespace Prow.Grains.Plugins.Blunderbuss;

/// <summary>
/// Whom blunderbuss asks to review: one reviewer from the OWNERS file of each changed area, most changed lines
/// first, preferring the closest (leaf) reviewers; then more of them, then reviewers from further up, until
/// request_count people are asked. Never the author; with exclude_approvers, never an approver of the file.
/// Required reviewers of the changed files are always added.
/// </summary>
public static class ReviewerSelection
{
    /// <param name="files">Changed files with their changed line counts.</param>
    /// <param name="seed">Rotates each candidate list so that different pull requests go to different people.</param>
    public static (IReadOnlyList<string> Reviewers, IReadOnlyList<string> Required) Pick(
        RepoOwners owners, IReadOnlyList<(string File, int Changes)> files, string author, int count, bool excludeApprovers, int seed)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(files);
        var excluded = author.ToLowerInvariant();
        var ordered = files.OrderByDescending(f => f.Changes).ThenBy(f => f.File, StringComparer.Ordinal).Select(f => f.File).ToList();
        var picked = new List<string>();
        var seenOwners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            if (owners.FindReviewersOwnersForFile(file) is not { } ownersDir || !seenOwners.Add(ownersDir))
            {
                continue;
            }

            if (CandidateRotation.Rotate(Candidates(owners.LeafReviewers(file), file), seed).FirstOrDefault(c => !picked.Contains(c)) is { } reviewer)
            {
                picked.Add(reviewer);
            }
        }

        foreach (var pool in new[] { ordered.SelectMany(f => Candidates(owners.LeafReviewers(f), f)), ordered.SelectMany(f => Candidates(owners.Reviewers(f), f)) })
        {
            foreach (var candidate in CandidateRotation.Rotate(pool.Distinct(StringComparer.Ordinal), seed))
            {
                if (picked.Count >= count)
                {
                    break;
                }

                if (!picked.Contains(candidate))
                {
                    picked.Add(candidate);
                }
            }
        }

        var required = ordered.SelectMany(f => owners.RequiredReviewers(f)).Where(r => r != excluded).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return (picked, required);

        IEnumerable<string> Candidates(IReadOnlySet<string> reviewers, string file) =>
            reviewers.Where(r => r != excluded && !(excludeApprovers && owners.Approvers(file).Contains(r))).Order(StringComparer.Ordinal);
    }
}
