namespace Prow.Clients.Tests.GitHub;

/// <summary>Waits for a condition another thread makes true; the limit only stops a broken test from hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "Never became true: " + what);
    }
}
