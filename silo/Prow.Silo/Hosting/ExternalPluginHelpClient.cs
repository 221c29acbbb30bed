using System.Net.Http.Json;
using System.Text.Json;
using Prow.Config.Plugins;
using Prow.Services.PluginHelp;

namespace Prow.Silo.Hosting;

/// <summary>
/// Asks each external plugin for its help as Prow's hook does: <c>POST {endpoint}/help</c> with the repos it is enabled
/// for. Someone is waiting for the page, so every plugin is asked at once, once, and whatever has not answered within a
/// second is left out.
/// </summary>
internal sealed class ExternalPluginHelpClient(HttpClient http, IReadOnlySet<string> builtInPlugins)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonSerializerOptions s_goNames = new();
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyDictionary<string, PluginHelp>> AskAsync(PluginsConfig plugins, CancellationToken cancellationToken)
    {
        var external = plugins.ExternalPlugins
            .SelectMany(e => e.Value.Select(p => (Plugin: p, Scope: e.Key)))
            .Where(x => !builtInPlugins.Contains(x.Plugin.Name))
            .GroupBy(x => x.Plugin.Name, StringComparer.Ordinal)
            .ToList();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_wait);
        var answers = await Task.WhenAll(external.Select(g => AskOneAsync(g.First().Plugin, [.. g.Select(x => x.Scope)], deadline.Token)));
        return answers.Where(a => a.Help is not null).ToDictionary(a => a.Name, a => a.Help!, StringComparer.Ordinal);
    }

    private async Task<(string Name, PluginHelp? Help)> AskOneAsync(ExternalPlugin plugin, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        try
        {
            var enabledRepos = scopes.Select(s => s.Split('/', 2)).Select(p => new { Org = p[0], Repo = p.Length > 1 ? p[1] : "" });
            // Prow sends its OrgRepo as Go serializes it: {"Org": ..., "Repo": ...}.
            using var response = await http.PostAsync(plugin.Endpoint.TrimEnd('/') + "/help", JsonContent.Create(enabledRepos, options: s_goNames), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (plugin.Name, null);
            }

            var answer = await response.Content.ReadFromJsonAsync<ExternalHelp>(s_json, cancellationToken);
            return (plugin.Name, answer is null ? null : new PluginHelp(answer.ShortDescription ?? "", answer.Description ?? "", plugin.Events,
                [.. (answer.Commands ?? []).Select(c => new PluginCommand(c.Usage ?? "", c.Description ?? "", c.Examples ?? [], c.WhoCanUse ?? "", c.Featured))])
            {
                Config = answer.Config ?? new Dictionary<string, string>(),
            });
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or OperationCanceledException or NotSupportedException)
        {
            return (plugin.Name, null);
        }
    }

    private sealed record ExternalHelp(string? ShortDescription, string? Description, Dictionary<string, string>? Config, List<ExternalCommand>? Commands);

    private sealed record ExternalCommand(string? Usage, string? Description, List<string>? Examples, string? WhoCanUse, bool Featured);
}
