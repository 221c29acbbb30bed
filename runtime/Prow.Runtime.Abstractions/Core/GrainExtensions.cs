using Orleans.Runtime;

namespace Orleans;

public static class GrainExtensions
{
    public static string GetPrimaryKeyString(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainContext.GrainId.Key;
    }

    public static GrainId GetGrainId(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainContext.GrainId;
    }
}
