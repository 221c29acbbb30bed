using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Prow.Silo.Hosting;

/// <summary>The Orleans serializer every Prow silo and client uses, so a test cluster serializes exactly as production does.</summary>
public static class ProwSerialization
{
    public static IServiceCollection AddProwSerializer(this IServiceCollection services)
    {
        // The ProwJob's pod spec is a JsonElement, which Orleans' own serializer has no codec for.
        services.AddSerializer(serializer => serializer.AddJsonSerializer(isSupported: type => type == typeof(JsonElement)));
        // An exception a grain throws to a caller on another silo is serialized too. Orleans' exception codec takes only
        // System and Microsoft types; ours (GitHubApiException, ...) would reach the caller as a CodecNotFoundException.
        // With it they arrive as their own type, message, stack and inner exception (their own properties stay behind).
        services.Configure<ExceptionSerializationOptions>(exceptions => exceptions.SupportedNamespacePrefixes.Add("Prow."));
        services.AddSingleton<ITypeNameFilter, ProwTypeNameFilter>();
        return services;
    }
}
