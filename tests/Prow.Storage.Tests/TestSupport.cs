using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace Prow.Storage.Tests;

/// <summary>A temporary folder, deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("prow-storage-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on the way out is not the test's failure.
        }
    }
}

public static class TestSupport
{
    /// <summary>Orleans' activator provider, as a silo has it, for storage built outside a silo.</summary>
    public static IActivatorProvider Activators { get; } = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<IActivatorProvider>();
}
