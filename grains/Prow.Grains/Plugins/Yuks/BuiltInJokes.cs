namespace Prow.Grains.Plugins.Yuks;

/// <summary>A few jokes kept here, so /joke answers when icanhazdadjoke.com cannot be reached.</summary>
public sealed class BuiltInJokes : IJokeSource
{
    public static IReadOnlyList<string> Jokes { get; } =
    [
        "Why do programmers prefer dark mode? Because light attracts bugs.",
        "I told my computer I needed a break, and it said it would go to sleep.",
        "Why did the developer go broke? Because they used up all their cache.",
        "There are only two hard things in computing: cache invalidation, naming things and off-by-one errors.",
        "Why was the pull request so calm? It had already been through a lot of reviews.",
    ];

    private int _next;

    public Task<string> NextAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Jokes[(int)((uint)Interlocked.Increment(ref _next) % Jokes.Count)]);
}
