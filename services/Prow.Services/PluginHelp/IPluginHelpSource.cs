using Prow.Config;

namespace Prow.Services.PluginHelp;

/// <summary>Help for every plugin enabled somewhere in a configuration; the plugins themselves live with the grains.</summary>
public interface IPluginHelpSource
{
    PluginHelpDocument Build(ConfigSnapshot config);
}
