using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Prow.Storage.Serialization;

/// <summary>
/// Grain state as UTF-8 JSON, readable in the database and on the admin page. The options are the ones the old runtime
/// stored state with (properties as declared, enums as strings, fields ignored, nulls written), so rows it wrote read
/// unchanged. Used by the SQLite grain storage and by Orleans' memory grain storage, so state has one format everywhere.
/// </summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    /// <summary>The one instance; the serializer has no state of its own.</summary>
    public static JsonGrainStateSerializer Instance { get; } = new();

    /// <summary>The options every stored state is written and read with. Read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // Changing any of these changes what is stored: rows already written must still read.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            IncludeFields = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
