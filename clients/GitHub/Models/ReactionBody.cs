namespace Prow.Clients.GitHub;

/// <summary>Request body of a new reaction; <see cref="Content"/> is one of <see cref="Reactions"/>.</summary>
internal sealed record ReactionBody(string Content);
