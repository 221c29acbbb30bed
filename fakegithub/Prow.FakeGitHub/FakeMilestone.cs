namespace Prow.FakeGitHub;

/// <summary>A repository milestone; issues name it by <see cref="Title"/>, the API by <see cref="Number"/>.</summary>
public sealed record FakeMilestone(int Number, string Title, string State = "open");
