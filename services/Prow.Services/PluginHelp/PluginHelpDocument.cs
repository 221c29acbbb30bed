namespace Prow.Services.PluginHelp;

/// <summary>The <c>/plugin-help.js</c> document, in the JSON shape of Prow's pluginhelp.Help (deck reads it as is).</summary>
public sealed record PluginHelpDocument(
    IReadOnlyList<string> AllRepos,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RepoPlugins,
    IReadOnlyDictionary<string, IReadOnlyList<string>> RepoExternalPlugins,
    IReadOnlyDictionary<string, PluginHelp> PluginHelp,
    IReadOnlyDictionary<string, PluginHelp> ExternalPluginHelp);
