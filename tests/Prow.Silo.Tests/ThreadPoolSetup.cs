using System.Runtime.CompilerServices;

namespace Prow.Silo.Tests;

/// <summary>As prow itself does: many hosts and processes share two cores here, so keep enough ready threads.</summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
