namespace Prow.FakeGitHub;

/// <summary>An entry of an issue's event log; labels the API adds or removes are logged as done by the bot.</summary>
public sealed record FakeIssueEvent(long Id, string Event, string Actor, string? Label, DateTimeOffset CreatedAt);
