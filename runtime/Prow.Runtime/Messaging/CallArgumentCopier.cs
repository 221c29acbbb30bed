using System.Text.Json;
using Orleans.Storage;

namespace Prow.Runtime.Messaging;

/// <summary>Round-trips call arguments through the serializer: what a call to another silo would do to them.</summary>
internal static class CallArgumentCopier
{
    public static object?[] Copy(MethodDescriptor method, object?[] arguments)
    {
        var copies = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var type = method.ParameterTypes[i];
            if (arguments[i] is null || type == typeof(CancellationToken))
            {
                copies[i] = arguments[i];
                continue;
            }

            try
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(arguments[i], type, GrainStateSerializer.Options);
                copies[i] = JsonSerializer.Deserialize(bytes, type, GrainStateSerializer.Options);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException)
            {
                throw new InvalidOperationException($"Argument {i} ({type.Name}) of {method.Name} cannot cross a silo boundary: {ex.Message}", ex);
            }
        }

        return copies;
    }
}
