using System.Text.RegularExpressions;
using Prow.Grains.Plugins.Framework;

namespace Prow.Grains.Plugins.Project;

/// <summary>
/// Prow's project plugin put issues and pull requests on Projects (classic) boards through GitHub's classic projects
/// REST API. GitHub retired Projects (classic) and no longer serves that API, so here the plugin changes nothing: the
/// name is accepted, every load says so, and <c>/project</c> answers with the reason instead of staying silent.
/// </summary>
public sealed partial class ProjectPlugin : IPlugin, IGenericCommentHandler
{
    public const string PluginName = "project";

    /// <summary>Why the plugin does nothing, in the words every answer and notice uses.</summary>
    public const string Reason = "GitHub retired Projects (classic) and no longer serves the classic projects REST API this plugin moved cards with";

    /// <summary>What project does here, said at every configuration load for each entry enabling it.</summary>
    public const string LoadNotice = "plugin project does nothing here: " + Reason + "; project_config is read but not used, and /project answers that it changed nothing";

    public string Name => PluginName;

    [GeneratedRegex(@"(?m)^/project\s(.*?)$")]
    private static partial Regex ProjectCommand();

    public async Task HandleGenericCommentAsync(PluginContext context, GenericCommentEvent comment)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Action != GenericCommentEvent.Created || !Commands.Has(ProjectCommand(), comment.Body))
        {
            return;
        }

        await context.GitHub.CreateCommentAsync(comment.Org, comment.Repo, comment.Number,
            CommandResponse.To(comment, $"/project changed nothing: {Reason}. GitHub's Projects can add issues and pull requests automatically with their built-in workflows."),
            context.CancellationToken);
    }

    public PluginHelp Help(PluginHelpContext context) => new(
        "Does nothing: GitHub no longer serves Projects (classic).",
        $"In Prow the project plugin lets members of a maintainers team put an issue or pull request on a Projects (classic) board and column. Here it does nothing: {Reason}. /project answers saying so.",
        ["issue_comment", "pull_request_review", "pull_request_review_comment"],
        [new("/project <board>, /project <board> <column>, or /project clear <board>", "Answers that no project board was changed, and why.", ["/project 0.5.0", "/project 0.5.0 To do", "/project clear 0.4.0"], "Anyone (it changes nothing).")]);
}
