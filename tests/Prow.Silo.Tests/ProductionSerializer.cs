using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Silo.Tests;

/// <summary>
/// The Orleans serializer of the production host: <see cref="ProwHost"/> is built (not started), so its serializer is
/// exactly what a silo would use, whatever ProwHost registers or forgets to.
/// </summary>
public sealed class ProductionSerializer : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WebApplication? _host;

    public Serializer Serializer => Services.GetRequiredService<Serializer>();

    public DeepCopier Copier => Services.GetRequiredService<DeepCopier>();

    public ICodecProvider Codecs => Services.GetRequiredService<ICodecProvider>();

    public IDeepCopierProvider Copiers => Services.GetRequiredService<IDeepCopierProvider>();

    private IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("not initialized");

    public Task InitializeAsync()
    {
        _host = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Memory, null),
            Artifacts = Path.Combine(_folder.Path, "artifacts"),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folder.Dispose();
    }
}
