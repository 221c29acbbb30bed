namespace Prow.Grains.Plugins.Framework;

/// <summary>The plugins this build knows, by name (see <see cref="PluginRegistration"/> for the list).</summary>
public sealed class PluginRegistry(IEnumerable<IPlugin> plugins)
{
    private readonly Dictionary<string, IPlugin> _byName = plugins.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IPlugin> All => _byName.Values;

    public IPlugin? Find(string name) => _byName.GetValueOrDefault(name);
}
