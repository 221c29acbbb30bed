using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.TrickOrTreat;

/// <summary><c>/trick-or-treat</c>: a candy picture in reply, chosen from a fixed list (Prow's curated list; no API serves candy).</summary>
public sealed partial class TrickOrTreatPlugin(Func<int, int> pick) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "trick-or-treat";

    /// <summary>Candy pictures from the list Prow curates.</summary>
    public static IReadOnlyList<Uri> Candies { get; } =
    [
        new("https://images.pexels.com/photos/1906435/pexels-photo-1906435.jpeg?cs=srgb&dl=fruit-candies-1906435.jpg&fm=jpg"),
        new("https://static.pexels.com/photos/539447/pexels-photo-539447.jpeg"),
        new("https://cdn.pixabay.com/photo/2015/04/23/02/21/candy-735595_960_720.jpg"),
        new("https://static.pexels.com/photos/35028/valentine-candy-hearts-conversation-sweet.jpg"),
        new("https://images.pexels.com/photos/1875919/pexels-photo-1875919.jpeg?cs=srgb&dl=colourful-candies-1875919.jpg&fm=jpg"),
        new("https://images.pexels.com/photos/136745/pexels-photo-136745.jpeg?cs=srgb&dl=beads-blur-bright-candy-136745.jpg&fm=jpg"),
        new("https://cdn.pixabay.com/photo/2013/07/25/11/51/jellybean-166828_960_720.jpg"),
        new("https://cdn.pixabay.com/photo/2014/04/05/11/30/sweets-316059_640.jpg"),
        new("https://cdn.pixabay.com/photo/2013/08/10/18/41/candy-171343_960_720.jpg"),
        new("https://cdn.pixabay.com/photo/2013/08/10/18/13/pick-and-mix-171342_640.jpg"),
        new("https://cdn.pixabay.com/photo/2015/09/25/01/11/candy-956555_960_720.jpg"),
        new("https://cdn.pixabay.com/photo/2015/03/27/00/14/chewy-candy-693888_960_720.jpg"),
    ];

    public TrickOrTreatPlugin()
        : this(Random.Shared.Next)
    {
    }

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/trick(\-)?or(\-)?treat(?: (.+))?\s*$")]
    private static partial Regex TrickOrTreat();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !Commands.Has(TrickOrTreat(), comment.Body))
        {
            return;
        }

        var candy = Candies[pick(Candies.Count)];
        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number, CommandResponse.To(comment, $"![candy image]({candy})"), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Replies with candy.",
        "The trick-or-treat plugin answers /trick-or-treat (with or without the hyphens) with a picture of candy.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/trick(-)or(-)treat", "Adds a candy picture to the issue or pull request.", ["/trick-or-treat", "/trickortreat"], "Anyone")]);
}
