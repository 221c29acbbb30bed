using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Prow.Silo.Hosting;

/// <summary>The Orleans serializer every Prow silo and client uses, so a test cluster serializes exactly as production does.</summary>
public static class ProwSerialization
{
    public static IServiceCollection AddProwSerializer(this IServiceCollection services) =>
        // The ProwJob's pod spec is a JsonElement, which Orleans' own serializer has no codec for.
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: type => type == typeof(JsonElement)));
}
