namespace Prow.Grains.Plugins.Framework;

/// <summary>Prow's comment pruner: deletes the bot's own earlier comments on an issue that a predicate picks.</summary>
public static class BotComments
{
    /// <returns>How many comments were deleted.</returns>
    public static async Task<int> PruneAsync(PluginContext context, string org, string repo, int number, Func<string, bool> shouldPrune)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(shouldPrune);
        var bot = await context.BotLoginAsync();
        var comments = await context.GitHub.ListIssueCommentsAsync(org, repo, number, context.CancellationToken);
        var pruned = 0;
        foreach (var comment in comments.Where(c => string.Equals(c.User.Login, bot, StringComparison.OrdinalIgnoreCase) && shouldPrune(c.Body)))
        {
            await context.GitHub.DeleteCommentAsync(org, repo, comment.Id, context.CancellationToken);
            pruned++;
        }

        return pruned;
    }
}
