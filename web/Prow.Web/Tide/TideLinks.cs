using Prow.GrainInterfaces.ProwJobs;
using Prow.Web.Jobs;

namespace Prow.Web.Tide;

/// <summary>Where the tide pages link: a pool's branch and base on GitHub, and the jobs tide ran for it on this site.</summary>
public static class TideLinks
{
    public static string Pool(string org, string repo, string branch) => $"{org}/{repo}@{branch}";

    public static string GitHubBranch(string org, string repo, string branch) => $"https://github.com/{org}/{repo}/tree/{Uri.EscapeDataString(branch)}";

    public static string GitHubCommit(string org, string repo, string sha) => $"https://github.com/{org}/{repo}/commit/{Uri.EscapeDataString(sha)}";

    /// <summary>The jobs page filtered to the repository's batch jobs (tide's batches are tested as one job per context).</summary>
    public static string BatchJobs(string org, string repo) => new JobFilter(ProwJobType.Batch, $"{org}/{repo}", null, null, null, null).Url();

    public static string ShortSha(string sha) => sha.Length > 10 ? sha[..10] : sha;

    /// <summary>Prow's action names with the underscore as a space, as deck shows them.</summary>
    public static string Action(string action) => action.Replace('_', ' ');
}
