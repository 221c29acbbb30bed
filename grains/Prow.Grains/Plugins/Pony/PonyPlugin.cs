using System.Text;
using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Pony;

/// <summary><c>/pony [name or tags]</c>: a pony picture in reply, one per <c>/pony</c> line (five at most).</summary>
public sealed partial class PonyPlugin(IPonySource ponies) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "pony";
    public const string NoMatch = "Couldn't find a pony matching given tag(s).";
    public const string Down = "https://theponyapi.com appears to be down";

    private const int MaxPonies = 5;

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/(?:pony)(?: +(.+?))?\s*$")]
    private static partial Regex Pony();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || Commands.Find(Pony(), comment.Body) is not { Count: > 0 } matches)
        {
            return;
        }

        var reply = new StringBuilder();
        var tagged = false;
        foreach (var match in matches.Take(MaxPonies))
        {
            var tags = match.Groups[1].Value;
            tagged |= tags.Length > 0;
            if (await ponies.FindAsync(tags, context.CancellationToken) is { } pony)
            {
                reply.Append($"[![pony image]({pony.Small})]({pony.Full})\n");
            }
        }

        var message = reply.Length > 0 ? reply.ToString() : tagged ? NoMatch : Down;
        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, message), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Replies with a pony.",
        "The pony plugin answers /pony with a pony picture from theponyapi.com; a name or tags after the command ask for that pony. When the site cannot be reached an untagged /pony gets a built-in pony.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/pony [pony]", "Adds a pony picture to the issue or pull request, of the named pony if one is given.", ["/pony", "/pony Twilight Sparkle"], "Anyone")]);
}
