namespace Prow.TestKit.Kubernetes;

/// <summary>Equality-based label selectors as the API server reads them: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a</c>, <c>!a</c>, comma-joined.</summary>
internal static class LabelSelector
{
    public static bool Matches(string? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return true;
        }

        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var matched = term switch
            {
                _ when term.Contains("!=", StringComparison.Ordinal) => Split(term, "!=") is var (k, v) && labels.GetValueOrDefault(k) != v,
                _ when term.Contains("==", StringComparison.Ordinal) => Split(term, "==") is var (k, v) && labels.GetValueOrDefault(k) == v,
                _ when term.Contains('=', StringComparison.Ordinal) => Split(term, "=") is var (k, v) && labels.GetValueOrDefault(k) == v,
                _ when term.StartsWith('!') => !labels.ContainsKey(term[1..]),
                _ => labels.ContainsKey(term),
            };
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }

    private static (string Key, string Value) Split(string term, string op)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        return (term[..at].Trim(), term[(at + op.Length)..].Trim());
    }
}
