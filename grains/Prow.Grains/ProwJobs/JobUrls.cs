namespace Prow.Grains.ProwJobs;

/// <summary>Where a job's page is on the status site (the URL a commit status links to).</summary>
public sealed class JobUrls(Uri statusSite)
{
    public string For(string jobId) => new Uri(statusSite, $"prowjob?prowjob={Uri.EscapeDataString(jobId)}").ToString();
}
