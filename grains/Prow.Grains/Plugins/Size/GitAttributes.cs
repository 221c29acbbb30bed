using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Size;

/// <summary>
/// The <c>linguist-generated</c> attribute of a repository's <c>.gitattributes</c>: files it marks generated do not
/// count towards the size. Each line is a pattern and attributes; <c>linguist-generated</c> or
/// <c>linguist-generated=true</c> sets it, <c>-linguist-generated</c> or <c>=false</c> unsets it, and the last matching
/// line wins. A pattern without a slash matches a file name at any depth; with one, the path from the root.
/// </summary>
public sealed record GitAttributes(IReadOnlyList<(string Pattern, bool Generated)> Rules)
{
    public const string FileName = ".gitattributes";

    public static GitAttributes None { get; } = new([]);

    public static GitAttributes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<(string, bool)>();
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var attribute in fields.Skip(1))
            {
                bool? generated = attribute switch
                {
                    "linguist-generated" or "linguist-generated=true" => true,
                    "-linguist-generated" or "!linguist-generated" or "linguist-generated=false" => false,
                    _ => null,
                };
                if (generated is { } value)
                {
                    rules.Add((fields[0], value));
                }
            }
        }

        return new GitAttributes(rules);
    }

    public bool IsGenerated(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        var generated = false;
        foreach (var (pattern, value) in Rules)
        {
            var anchored = pattern.TrimStart('/');
            var matches = pattern.Contains('/', StringComparison.Ordinal) ? PathGlob.Matches(anchored, path) : PathGlob.Matches(pattern, name);
            if (matches)
            {
                generated = value;
            }
        }

        return generated;
    }
}
