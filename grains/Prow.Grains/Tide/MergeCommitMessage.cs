using System.Text.RegularExpressions;
using Prow.Config.Components;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>
/// Renders tide's merge_commit_template: the Go template fields Prow's users write ({{.Number}}, {{.Title}},
/// {{.Body}}, {{.HeadRefName}}, {{.Author.Login}}). Anything else is left as written, so a mistake shows in the commit.
/// </summary>
public static partial class MergeCommitMessage
{
    public static (string? Title, string? Body) Render(MergeCommitTemplate? template, PoolPullRequest pull)
    {
        ArgumentNullException.ThrowIfNull(pull);
        return template is null ? (null, null) : (Fill(template.Title, pull), Fill(template.Body, pull));
    }

    private static string? Fill(string? text, PoolPullRequest pull) =>
        text is null ? null : Field().Replace(text, m => m.Groups["name"].Value switch
        {
            "Number" => pull.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Title" => pull.Title,
            "Body" => pull.Body,
            "HeadRefName" => pull.HeadRef,
            "Author.Login" or "Author" => pull.Author,
            _ => m.Value,
        });

    [GeneratedRegex(@"\{\{-?\s*\.(?<name>[A-Za-z.]+)\s*-?\}\}")]
    private static partial Regex Field();
}
