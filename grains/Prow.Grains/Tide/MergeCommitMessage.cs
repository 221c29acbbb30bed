using Prow.Config.Components;
using Prow.GoTemplates;
using Prow.GrainInterfaces.Tide;

namespace Prow.Grains.Tide;

/// <summary>
/// Renders tide's merge_commit_template with Go's text/template over the pull request as Prow's tide passes it
/// (<see cref="MergeCommitTemplateData"/>). A part that fails to render is left out, as Prow does, so GitHub
/// writes its default title or message for it.
/// </summary>
public static class MergeCommitMessage
{
    public static (string? Title, string? Body) Render(MergeCommitTemplate? template, string org, string repo, PoolPullRequest pull, Action<string>? logError = null)
    {
        ArgumentNullException.ThrowIfNull(pull);
        if (template is null)
        {
            return (null, null);
        }

        var data = MergeCommitTemplateData.For(org, repo, pull);
        return (Execute("CommitTitle", template.Title, data, logError), Execute("CommitBody", template.Body, data, logError));
    }

    private static string? Execute(string name, string? text, MergeCommitTemplateData data, Action<string>? logError)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return GoTemplate.Parse(name, text).Execute(data);
        }
        catch (GoTemplateException ex)
        {
            logError?.Invoke(ex.Message);
            return null;
        }
    }
}
