using System.Text;
using System.Text.Json;
using Prow.Storage.Serialization;

namespace Prow.Storage.Tests;

public sealed class JsonGrainStateSerializerTests
{
    private static readonly JsonGrainStateSerializer s_serializer = JsonGrainStateSerializer.Instance;

    [Fact]
    public void Serialize_WritesPropertiesAsDeclared_EnumsAsStrings_AndNulls()
    {
        var json = s_serializer.Serialize(new SampleState { Name = "x", Kind = SampleKind.Periodic, Spec = SampleState.Json("""{"a":[1,"b"]}""") }).ToString();

        Assert.Equal("""{"Name":"x","Kind":"Periodic","Numbers":[],"Labels":{},"Spec":{"a":[1,"b"]},"Decoration":null}""", json);
    }

    [Fact]
    public void Deserialize_ReadsWhatTheOldRuntimeStored()
    {
        // Bytes as the old runtime's GrainStateSerializer wrote them (same options), with a property this build no longer has.
        var stored = """{"Name":"old","Kind":"Presubmit","Numbers":[1],"Labels":{"k":"v"},"Spec":{"image":"alpine"},"Decoration":{"timeout":"1h"},"Removed":42}""";

        var state = s_serializer.Deserialize<SampleState>(new BinaryData(Encoding.UTF8.GetBytes(stored)))!;

        Assert.Equal("old", state.Name);
        Assert.Equal(SampleKind.Presubmit, state.Kind);
        Assert.Equal([1], state.Numbers);
        Assert.Equal("v", state.Labels["k"]);
        Assert.Equal("alpine", state.Spec.GetProperty("image").GetString());
        Assert.Equal("1h", state.Decoration!.Value.GetProperty("timeout").GetString());
    }

    [Fact]
    public void RoundTrip_JsonElementValues_KeepTheirText()
    {
        var element = SampleState.Json("""{"nested":{"list":[1,2.5,"three",null,true,{"k":[]}]},"unicode":"é ✓"}""");

        var back = s_serializer.Deserialize<JsonElement>(s_serializer.Serialize(element));
        var inState = s_serializer.Deserialize<SampleState>(s_serializer.Serialize(new SampleState { Spec = element, Decoration = element }))!;

        // Equal as JSON; the text may differ only in escapes (non-ASCII is written escaped, as the old runtime wrote it).
        Assert.True(JsonElement.DeepEquals(element, back), back.GetRawText());
        Assert.True(JsonElement.DeepEquals(element, inState.Spec), inState.Spec.GetRawText());
        Assert.True(JsonElement.DeepEquals(element, inState.Decoration!.Value), inState.Decoration.Value.GetRawText());
        Assert.Equal("é ✓", back.GetProperty("unicode").GetString());
    }

    [Fact]
    public void Enums_ReadByNameOrNumber_AndUnknownNamesFail()
    {
        Assert.Equal(SampleKind.Periodic, s_serializer.Deserialize<SampleState>(Bytes("""{"Kind":"Periodic"}"""))!.Kind);
        Assert.Equal(SampleKind.Presubmit, s_serializer.Deserialize<SampleState>(Bytes("""{"Kind":2}"""))!.Kind);
        Assert.Throws<JsonException>(() => s_serializer.Deserialize<SampleState>(Bytes("""{"Kind":"Batch"}""")));
    }

    [Fact]
    public void Null_RoundTripsAsNull()
    {
        Assert.Equal("null", s_serializer.Serialize<SampleState>(null).ToString());
        Assert.Null(s_serializer.Deserialize<SampleState>(Bytes("null")));
    }

    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(JsonGrainStateSerializer.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => JsonGrainStateSerializer.Options.WriteIndented = true);
    }

    private static BinaryData Bytes(string json) => new(Encoding.UTF8.GetBytes(json));
}
