namespace Prow.Clients.GitHub;

/// <summary>The last known budget of one rate-limit resource (core, search, graphql...).</summary>
public sealed record RateLimitSnapshot(string Resource, long Limit, long Remaining, DateTimeOffset Reset);
