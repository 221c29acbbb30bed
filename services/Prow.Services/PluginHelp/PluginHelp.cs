namespace Prow.Services.PluginHelp;

/// <summary>A plugin's help, in the shape Prow's <c>/plugin-help</c> serves (Go field names).</summary>
public sealed record PluginHelp(string ShortDescription, string Description, IReadOnlyList<string> Events, IReadOnlyList<PluginCommand> Commands)
{
    /// <summary>Per repo ("org/repo" or "org"), how the plugin is configured there, as HTML.</summary>
    public IReadOnlyDictionary<string, string> Config { get; init; } = new Dictionary<string, string>();
}

/// <param name="Usage">The command's syntax, e.g. <c>/test (&lt;job name&gt;|all)</c>.</param>
/// <param name="WhoCanUse">Who may use it, in words.</param>
public sealed record PluginCommand(string Usage, string Description, IReadOnlyList<string> Examples, string WhoCanUse, bool Featured = false);

/// <summary>What a plugin may consult to describe itself: the configuration and the repos it is enabled for.</summary>
public sealed record PluginHelpContext(Prow.Config.ConfigSnapshot Config, IReadOnlyList<string> EnabledRepos);
