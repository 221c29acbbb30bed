namespace Prow.Clients.GitHub;

/// <summary>Request body; the wire shape is its snake_case properties.</summary>
internal sealed record IssuePatchBody(string? State = null, string? Title = null, string? StateReason = null, string? Body = null);
