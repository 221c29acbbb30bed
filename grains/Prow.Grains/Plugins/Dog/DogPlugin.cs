using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Dog;

/// <summary><c>/woof</c> and <c>/bark</c>: a dog picture in reply; <c>/this-is-fine</c>, <c>/this-is-not-fine</c> and <c>/this-is-unbearable</c>: the matching picture.</summary>
public sealed partial class DogPlugin(IDogImageSource dogs) : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "dog";

    /// <summary>Where Prow keeps the this-is-fine pictures.</summary>
    public const string FineImagesRoot = "https://storage.googleapis.com/this-is-fine-images/";

    public string Name => PluginName;

    [GeneratedRegex(@"(?mi)^/(woof|bark)\s*$")]
    private static partial Regex Woof();

    [GeneratedRegex(@"(?mi)^/this-is-fine\s*$")]
    private static partial Regex Fine();

    [GeneratedRegex(@"(?mi)^/this-is-not-fine\s*$")]
    private static partial Regex NotFine();

    [GeneratedRegex(@"(?mi)^/this-is-unbearable\s*$")]
    private static partial Regex Unbearable();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created)
        {
            return;
        }

        Uri? picture;
        if (Commands.Has(Woof(), comment.Body))
        {
            picture = await dogs.NextAsync(context.CancellationToken);
        }
        else
        {
            picture = Commands.Has(Fine(), comment.Body) ? new Uri(FineImagesRoot + "this_is_fine.png")
                : Commands.Has(NotFine(), comment.Body) ? new Uri(FineImagesRoot + "this_is_not_fine.png")
                : Commands.Has(Unbearable(), comment.Body) ? new Uri(FineImagesRoot + "this_is_unbearable.jpg")
                : null;
        }

        if (picture is null)
        {
            return;
        }

        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number,
            CommandResponse.To(comment, $"[![dog image]({picture})]({picture})"), context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Replies with a dog.",
        "The dog plugin answers /woof and /bark with a dog picture from random.dog (or from a small built-in set when that site cannot be reached), and /this-is-fine, /this-is-not-fine and /this-is-unbearable with the picture of that name.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/(woof|bark|this-is-{fine|not-fine|unbearable})", "Adds a dog picture to the issue or pull request.", ["/woof", "/bark", "/this-is-fine", "/this-is-not-fine", "/this-is-unbearable"], "Anyone")]);
}
