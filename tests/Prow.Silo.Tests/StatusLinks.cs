namespace Prow.Silo.Tests;

/// <summary>Reads the commit statuses prow sets: their target URL is the job's page, <c>.../view/ID</c>.</summary>
internal static class StatusLinks
{
    public static string JobId(string statusUrl)
    {
        var path = new Uri(statusUrl).AbsolutePath;
        Assert.Contains("/view/", path, StringComparison.Ordinal);
        return Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
    }
}
