namespace Prow.Grains.Plugins.Framework;

/// <summary>A comment the bot writes on its own initiative (Prow's FormatSimpleResponse): the message, then a fold saying who wrote it.</summary>
public static class BotNotice
{
    public static string Format(string message) => $"""
        {message}

        <details>

        This comment was written by the Prow bot. The commands it understands are listed on the command help page.
        </details>
        """;
}
