using System.Text;
using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Yuks;

/// <summary><c>/joke</c>: a joke in reply, with anything but plain words and punctuation escaped so it cannot carry markdown or mentions.</summary>
public sealed partial class YuksPlugin(IJokeSource jokes) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "yuks";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/joke\s*$")]
    private static partial Regex Joke();

    [GeneratedRegex(@"^[0-9A-Za-z_?'!., ]$")]
    private static partial Regex Simple();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !Commands.Has(Joke(), comment.Body))
        {
            return;
        }

        var joke = await jokes.NextAsync(context.CancellationToken);
        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, Escape(joke)), context.CancellationToken);
    }

    /// <summary>Every character other than ASCII letters, digits, underscore and <c>?'!., </c> becomes an HTML character reference, as Prow escapes jokes.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var character = rune.ToString();
            if (Simple().IsMatch(character))
            {
                escaped.Append(character);
            }
            else
            {
                escaped.Append("&#").Append(rune.Value).Append(';');
            }
        }

        return escaped.ToString();
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Tells a joke on /joke.",
        "The yuks plugin answers /joke with a joke from icanhazdadjoke.com, or from a small built-in set when that site cannot be reached.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/joke", "Replies with a joke.", ["/joke"], "Anyone")]);
}
