using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Cat;

/// <summary><c>/meow</c> and <c>/meowvie</c>: a cat picture (or gif) in reply.</summary>
public sealed partial class CatPlugin(Func<Prow.Config.ConfigSnapshot, ICatImageSource> images) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "cat";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/meow(vie)?(?: (.+))?\s*$")]
    private static partial Regex Meow();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || Commands.Find(Meow(), comment.Body) is not [var match, ..])
        {
            return;
        }

        var animated = match.Groups[1].Success;
        var image = await images(context.Config).NextAsync(animated, context.CancellationToken);
        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number,
            $"@{comment.Commenter}: ![{(animated ? "a cat moving" : "a cat")}]({image})", context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Replies with a cat.",
        "The cat plugin answers /meow with a cat picture and /meowvie with a cat gif. With cat.key_path set they come from TheCatAPI; otherwise from a small built-in set.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/meow(vie) [CATegory]", "Adds a cat image (or gif) to the issue or pull request.", ["/meow", "/meowvie", "/meow caturday"], "Anyone", Featured: true)]);
}
