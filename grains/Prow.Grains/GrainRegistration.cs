using Prow.Grains.Repository;
using Prow.Runtime.Hosting;

namespace Prow.Grains;

/// <summary>Every grain this system hosts, listed explicitly (no scanning).</summary>
public static class GrainRegistration
{
    public static GrainRuntimeBuilder AddProwGrains(this GrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddGrain<IRepositoryGrain, RepositoryGrain>();
    }
}
