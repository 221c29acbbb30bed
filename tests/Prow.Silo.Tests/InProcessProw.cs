using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Silo.Tests;

/// <summary>The real host, in this process, on a loopback port Kestrel picked.</summary>
internal sealed class InProcessProw : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessProw(WebApplication app, string folder)
    {
        _app = app;
        Folder = folder;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public string Folder { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <param name="services">Adds to the host's services after prow's own (a log provider a test reads).</param>
    public static async Task<InProcessProw> StartAsync(string folder, Func<ProwOptions, ProwOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var secretFile = Path.Combine(folder, "hmac");
        await File.WriteAllTextAsync(secretFile, Webhooks.Secret);
        var tokenFile = Path.Combine(folder, "admin-token");
        await File.WriteAllTextAsync(tokenFile, "admin-secret\n");
        var options = new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(folder, "prow.db")),
            HmacSecretFile = secretFile,
            AdminTokenFile = tokenFile,
            ShutdownTimeout = TimeSpan.FromSeconds(10),
            Artifacts = Path.Combine(folder, "artifacts"),
        };
        var app = ProwHost.Build(configure?.Invoke(options) ?? options, services);
        await app.StartAsync();
        return new InProcessProw(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
