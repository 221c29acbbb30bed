namespace Prow.Grains.OwnersFiles;

/// <summary>
/// Starts a sorted list of candidate people at a position picked by a seed (the pull request number), so that
/// suggestions and review requests spread over the OWNERS instead of always landing on the first name, yet stay
/// the same for the same pull request.
/// </summary>
public static class CandidateRotation
{
    public static List<string> Rotate(IEnumerable<string> sortedCandidates, int seed)
    {
        ArgumentNullException.ThrowIfNull(sortedCandidates);
        var list = sortedCandidates.ToList();
        if (list.Count == 0)
        {
            return list;
        }

        var shift = Math.Abs(seed % list.Count);
        return [.. list.Skip(shift), .. list.Take(shift)];
    }
}
