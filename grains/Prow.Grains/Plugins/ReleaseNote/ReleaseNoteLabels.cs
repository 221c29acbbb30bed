using System.Text.RegularExpressions;

namespace Prow.Grains.Plugins.ReleaseNote;

/// <summary>The release-note labels and how a pull request's description decides between them (Prow's determineReleaseNoteLabel).</summary>
public static partial class ReleaseNoteLabels
{
    public const string Needed = "do-not-merge/release-note-label-needed";
    public const string Note = "release-note";
    public const string None = "release-note-none";
    public const string ActionRequired = "release-note-action-required";
    public const string Deprecation = "kind/deprecation";

    /// <summary>Every label the plugin manages; exactly one of them is kept on a pull request.</summary>
    public static IReadOnlyList<string> All { get; } = [None, ActionRequired, Needed, Note];

    /// <summary>A block fenced as <c>```release-note</c>, or any fence after "Release note**:" (the template's heading).</summary>
    [GeneratedRegex(@"(?s)(?:Release note\*\*:\s*(?:<!--[^<>]*-->\s*)?```(?:release-note)?|```release-note)(.+?)```")]
    public static partial Regex NoteBlock();

    [GeneratedRegex(@"(?i)^\W*(NONE|NO)\W*$")]
    private static partial Regex NoneNote();

    /// <summary>The text inside the description's release-note block, trimmed; empty when there is none.</summary>
    public static string NoteIn(string? body) =>
        NoteBlock().Match(body ?? "") is { Success: true } m ? m.Groups[1].Value.Trim() : "";

    /// <summary>The label the description asks for, given the labels already on the pull request.</summary>
    public static string For(string? body, IReadOnlyList<string> labels)
    {
        var note = NoteIn(body).ToLowerInvariant();
        var deprecation = labels.Contains(Deprecation, StringComparer.Ordinal);
        var none = NoneNote().IsMatch(note);
        return (note, none, deprecation) switch
        {
            ("", _, true) => Needed,
            ("", _, false) when labels.Contains(None, StringComparer.Ordinal) => None,
            ("", _, false) => Needed,
            (_, true, true) => Needed,
            (_, true, false) => None,
            _ when note.Contains("action required", StringComparison.Ordinal) => ActionRequired,
            _ => Note,
        };
    }
}
