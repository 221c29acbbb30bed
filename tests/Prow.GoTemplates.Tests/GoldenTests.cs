using System.Text.Json;

namespace Prow.GoTemplates.Tests;

/// <summary>
/// Every case in Goldens/features.json rendered here and by Go's own text/template (Goldens/gen.go wrote
/// features.expected.json): the same output, or an error in both.
/// </summary>
public sealed class GoldenTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Goldens");

    public static TheoryData<string> Cases() => [.. Load("features.json").Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Feature_RendersAsGoDoes(string name)
    {
        var testCase = Load("features.json").Single(c => c.GetProperty("name").GetString() == name);
        var expected = Load("features.expected.json").Single(c => c.GetProperty("name").GetString() == name);
        var source = testCase.GetProperty("template").GetString()!;
        var data = JsonData.From(testCase.GetProperty("data"));

        string? output = null;
        GoTemplateException? error = null;
        try
        {
            output = GoTemplate.Parse("test", source).Execute(data);
        }
        catch (GoTemplateException ex)
        {
            error = ex;
        }

        if (expected.TryGetProperty("error", out var goError))
        {
            Assert.True(error is not null, $"Go failed with \"{goError.GetString()}\"; here it rendered \"{output}\"");
            Assert.StartsWith("template: test:", error.Message, StringComparison.Ordinal);
            Assert.Equal(LastPart(goError.GetString()!), LastPart(error.Message));
        }
        else
        {
            Assert.Null(error);
            Assert.Equal(expected.TryGetProperty("output", out var text) ? text.GetString() : "", output);
        }
    }

    [Fact]
    public void EveryCase_HasAGolden()
    {
        Assert.Equal(
            Load("features.json").Select(c => c.GetProperty("name").GetString()),
            Load("features.expected.json").Select(c => c.GetProperty("name").GetString()));
    }

    /// <summary>What went wrong, without where: Go counts columns, this engine only lines.</summary>
    private static string LastPart(string message)
    {
        var at = message.LastIndexOf(">: ", StringComparison.Ordinal);
        return at >= 0 ? message[(at + 3)..] : message[(message.IndexOf(": ", 10, StringComparison.Ordinal) + 2)..];
    }

    private static List<JsonElement> Load(string file) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(s_folder, file))).RootElement.EnumerateArray()];
}
