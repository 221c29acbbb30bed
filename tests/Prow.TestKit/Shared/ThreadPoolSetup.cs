using System.Runtime.CompilerServices;

namespace Prow.TestKit;

/// <summary>
/// As prow itself does: many hosts and processes share two cores here, so keep enough ready threads. Compiled into each
/// test project that starts hosts (a module initializer runs only for the assembly that holds it), not into the kit.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
    }
}
