using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Goose;

/// <summary>
/// <c>/honk</c>: a goose picture in reply, from unsplash.com at <paramref name="unsplash"/> when <c>goose.key_path</c>
/// names its API key, else (and whenever unsplash.com fails) from <paramref name="builtIn"/>.
/// </summary>
public sealed partial class GoosePlugin(HttpClient http, Uri unsplash, IGooseImageSource builtIn) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "goose";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/honk\s*$")]
    private static partial Regex Honk();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !Commands.Has(Honk(), comment.Body))
        {
            return;
        }

        var source = context.Config.Plugins.Goose.KeyPath is { Length: > 0 } keyPath ? new UnsplashGeese(http, unsplash, keyPath, builtIn) : builtIn;
        var goose = await source.NextAsync(context.CancellationToken);
        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number,
            CommandResponse.To(comment, $"\n![goose image]({goose})"), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var keyPath = context.Config.Plugins.Goose.KeyPath;
        return new PluginHelp(
            "Replies with a goose.",
            "The goose plugin answers /honk with a goose picture.",
            ["issue_comment", "pull_request_review", "pull_request_review_comment"],
            [new("/honk", "Adds a goose picture to the issue or pull request.", ["/honk"], "Anyone")])
        {
            Config = new Dictionary<string, string>
            {
                [""] = keyPath is { Length: > 0 }
                    ? $"Geese come from unsplash.com with the API key in {keyPath}; a small built-in set answers when unsplash.com cannot be reached."
                    : "No goose.key_path is set, so geese come from a small built-in set (unsplash.com needs an API key).",
            },
        };
    }
}
