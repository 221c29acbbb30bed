namespace Prow.GoTemplates.Tests;

/// <summary>What the goldens cannot show: Go releases newer than the generator's, functions added by the caller, and .NET objects as Go structs.</summary>
public sealed class GoTemplateTests
{
    private sealed record Refs(string Org, IReadOnlyList<Pull> Pulls);

    private sealed record Pull(int Number, string Author);

    private sealed record Spec(string Job, Refs? Refs);

    private sealed record Job(Spec Spec)
    {
        public string Describe(string prefix) => prefix + Spec.Job;
    }

    [Fact]
    public void RangeOverAnInteger_CountsFromZero()
    {
        Assert.Equal("012", GoTemplate.Parse("t", "{{range 3}}{{.}}{{end}}").Execute(null));
    }

    [Fact]
    public void ElseWith_ChainsLikeElseIf()
    {
        var template = GoTemplate.Parse("t", "{{with .A}}a{{else with .B}}{{.}}{{else}}none{{end}}");

        Assert.Equal("b", template.Execute(new Dictionary<string, object?> { ["A"] = "", ["B"] = "b" }));
        Assert.Equal("none", template.Execute(new Dictionary<string, object?>()));
    }

    [Fact]
    public void StructData_ReadsPropertiesByTheirExactName()
    {
        var job = new Job(new Spec("unit", new Refs("kubernetes", [new Pull(7, "alice")])));

        Assert.Equal("unit kubernetes 7 alice", GoTemplate.Parse("t", "{{.Spec.Job}} {{.Spec.Refs.Org}}{{with index .Spec.Refs.Pulls 0}} {{.Number}} {{.Author}}{{end}}").Execute(job));
    }

    [Fact]
    public void NilStructPointer_IsFalse_AndReadingThroughItFailsNamingTheType()
    {
        var job = new Job(new Spec("periodic", null));

        Assert.Equal("no refs", GoTemplate.Parse("t", "{{if .Spec.Refs}}refs{{else}}no refs{{end}}").Execute(job));
        var error = Assert.Throws<GoTemplateException>(() => GoTemplate.Parse("JobURL", "x/{{.Spec.Refs.Org}}").Execute(job));
        Assert.Equal("template: JobURL:1: executing \"JobURL\" at <.Spec.Refs.Org>: nil pointer evaluating *Refs.Org", error.Message);
    }

    [Fact]
    public void UnknownStructField_FailsAsInGo()
    {
        var error = Assert.Throws<GoTemplateException>(() => GoTemplate.Parse("t", "{{.Spec.Nope}}").Execute(new Job(new Spec("j", null))));

        Assert.EndsWith("can't evaluate field Nope in type Spec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MethodsOfTheData_AreCalledWithArguments()
    {
        Assert.Equal("job: unit", GoTemplate.Parse("t", "{{.Describe \"job: \"}}").Execute(new Job(new Spec("unit", null))));
    }

    [Fact]
    public void AddedFunctions_AreCalled_AndUnknownOnesFailAtParse()
    {
        var functions = new Dictionary<string, Delegate> { ["upper"] = (string s) => s.ToUpperInvariant(), ["add"] = (int a, int b) => a + b };

        Assert.Equal("PROW 5", GoTemplate.Parse("t", "{{upper .}} {{add 2 3}}", functions).Execute("prow"));
        Assert.Equal("template: t:1: function \"upper\" not defined", Assert.Throws<GoTemplateException>(() => GoTemplate.Parse("t", "{{upper .}}")).Message);
    }

    [Fact]
    public void ParseErrors_NameTheLine()
    {
        var error = Assert.Throws<GoTemplateException>(() => GoTemplate.Parse("Report", "line one\nline two {{if .X}}\n{{.Y"));

        Assert.StartsWith("template: Report:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Times_PrintAsGoTimeDoes()
    {
        var at = new DateTimeOffset(2026, 12, 3, 10, 4, 5, TimeSpan.Zero).AddTicks(1_234_500);

        Assert.Equal("2026-12-03 10:04:05.12345 +0000 UTC", GoTemplate.Parse("t", "{{.}}").Execute(at));
    }
}
