namespace Prow.Grains.Plugins.Framework;

/// <summary>
/// How a plugin answers a command (Prow's FormatResponseRaw): the commenter is mentioned, and the comment that
/// asked is quoted under a fold so the reply makes sense on its own.
/// </summary>
public static class CommandResponse
{
    public static string To(GenericCommentEvent comment, string message)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var quoted = string.Join('\n', comment.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => "> " + line));
        return $"""
            @{comment.Commenter}: {message}

            <details>

            In reply to [this comment]({comment.HtmlUrl}):

            {quoted}

            </details>
            """;
    }
}
