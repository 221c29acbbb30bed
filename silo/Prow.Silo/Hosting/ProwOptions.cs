using Prow.Silo.Cli;

namespace Prow.Silo.Hosting;

/// <summary>Everything <c>prow run</c> was told on its command line.</summary>
public sealed record ProwOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    public StorageLocation Storage { get; init; } = StorageLocation.Default;

    public string? ConfigPath { get; init; }

    public string? JobConfigPath { get; init; }

    public string? PluginConfig { get; init; }

    public string? HmacSecretFile { get; init; }

    public string? AdminTokenFile { get; init; }

    /// <summary>Accept and store webhooks without handling them until a restart without this flag.</summary>
    public bool HoldIngress { get; init; }

    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
