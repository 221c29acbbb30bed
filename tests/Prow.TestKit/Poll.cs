namespace Prow.TestKit;

/// <summary>Waits for a condition by polling: the bound is generous and only catches a hang; it never times a result.</summary>
public static class Poll
{
    public static Task UntilAsync(Func<bool> condition, int seconds = 60) => UntilAsync(() => Task.FromResult(condition()), seconds);

    public static async Task UntilAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < seconds * 20; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        if (!await condition())
        {
            throw new TimeoutException($"the condition was not reached within {seconds} s");
        }
    }
}
