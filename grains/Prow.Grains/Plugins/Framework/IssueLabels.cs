namespace Prow.Grains.Plugins.Framework;

/// <summary>Label reads and idempotent label changes on an issue or pull request, shared by the label-driven plugins.</summary>
public static class IssueLabels
{
    /// <summary>The labels on the issue now (asked of GitHub, not taken from a possibly stale webhook).</summary>
    public static async Task<IReadOnlyList<string>> CurrentAsync(PluginContext context, string org, string repo, int number)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. (await context.GitHub.ListIssueLabelsAsync(org, repo, number, context.CancellationToken)).Select(l => l.Name)];
    }

    public static bool Has(IReadOnlyList<string> labels, string label) => labels.Contains(label, StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds or removes <paramref name="label"/> so that its presence matches <paramref name="wanted"/>.</summary>
    public static async Task EnsureAsync(PluginContext context, string org, string repo, int number, IReadOnlyList<string> current, string label, bool wanted)
    {
        ArgumentNullException.ThrowIfNull(context);
        var present = Has(current, label);
        if (wanted && !present)
        {
            await context.GitHub.AddLabelsAsync(org, repo, number, [label], context.CancellationToken);
        }
        else if (!wanted && present)
        {
            await context.GitHub.RemoveLabelAsync(org, repo, number, label, context.CancellationToken);
        }
    }
}
