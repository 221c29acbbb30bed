namespace Prow.FakeGitHub;

/// <summary>One request the fake received, as it arrived.</summary>
public sealed record RecordedCall(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
