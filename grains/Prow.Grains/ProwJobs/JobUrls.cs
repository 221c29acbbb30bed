namespace Prow.Grains.ProwJobs;

/// <summary>Where a job's page is on the status site (the URL a commit status links to).</summary>
/// <param name="statusSite">Asked when needed: the listening address is known only once the server has started.</param>
public sealed class JobUrls(Func<Uri> statusSite)
{
    public string For(string jobId) => new Uri(statusSite(), $"prowjob?prowjob={Uri.EscapeDataString(jobId)}").ToString();
}
