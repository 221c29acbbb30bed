using System.Text.Json;
using Prow.GoTemplates;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using YamlDotNet.RepresentationModel;

namespace Prow.Grains.Tests.ProwJobs;

/// <summary>
/// Every Go template in testdata/conformance (plank.job_url_template, report_templates, Slack's report_template,
/// welcome's message_template, spyglass' pod_link_template) rendered for the fixed jobs of
/// TemplateGoldens/prowjobs.json through <see cref="ProwJobTemplateData"/>, against what Go's own text/template
/// rendered for the same jobs (TemplateGoldens/gen.go wrote expected.json).
/// </summary>
public sealed class ReportTemplateGoldenTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "ProwJobs", "TemplateGoldens");
    private static readonly HashSet<string> s_templateKeys = new(StringComparer.Ordinal) { "job_url_template", "report_template", "message_template", "pod_link_template" };

    private sealed record PRInfo(string Org, string Repo, string AuthorLogin, string AuthorName);

    private sealed record Pod(string Name, string Namespace);

    public static TheoryData<string> Cases() => [.. Load("templates.json").Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void CorpusTemplate_RendersAsGoDoes(string name)
    {
        var testCase = Load("templates.json").Single(c => c.GetProperty("name").GetString() == name);
        var expected = Load("expected.json").Single(c => c.GetProperty("name").GetString() == name);
        var template = GoTemplate.Parse("test", testCase.GetProperty("template").GetString()!);

        foreach (var (key, data) in Inputs(testCase.GetProperty("data").GetString()!))
        {
            string? output = null;
            GoTemplateException? error = null;
            try
            {
                output = template.Execute(data);
            }
            catch (GoTemplateException ex)
            {
                error = ex;
            }

            if (expected.TryGetProperty("errors", out var errors) && errors.TryGetProperty(key, out var goError))
            {
                Assert.True(error is not null, $"{key}: Go failed with \"{goError.GetString()}\"; here it rendered \"{output}\"");
                Assert.Equal(Operand(goError.GetString()!), Operand(error.Message));
            }
            else
            {
                Assert.True(error is null, $"{key}: {error?.Message}");
                Assert.Equal(expected.GetProperty("outputs").GetProperty(key).GetString(), output);
            }
        }
    }

    [Fact]
    public void EveryTemplateInTheCorpora_HasAGolden()
    {
        var inGoldens = Load("templates.json").Select(c => c.GetProperty("template").GetString()).ToHashSet(StringComparer.Ordinal);
        var root = CorpusRoot();
        var found = new List<(string File, string Template)>();
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories))
        {
            var yaml = new YamlStream();
            try
            {
                yaml.Load(new StringReader(File.ReadAllText(file)));
            }
            catch (YamlDotNet.Core.YamlException)
            {
                // A few job files use a quoting Go's YAML accepts and YamlDotNet does not; none of them holds a template.
                Assert.DoesNotContain(s_templateKeys.Append("report_templates"), k => File.ReadAllText(file).Contains(k + ":", StringComparison.Ordinal));
                continue;
            }

            foreach (var document in yaml.Documents)
            {
                Collect(document.RootNode, file, found);
            }
        }

        Assert.NotEmpty(found);
        Assert.Empty(found.Where(f => !inGoldens.Contains(f.Template)).Select(f => $"{Path.GetRelativePath(root, f.File)}: {f.Template}"));
    }

    private static void Collect(YamlNode node, string file, List<(string, string)> found)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value;
                    if (name is not null && s_templateKeys.Contains(name) && value is YamlScalarNode { Value: { } template })
                    {
                        found.Add((file, template));
                    }
                    else if (name == "report_templates" && value is YamlMappingNode perRepo)
                    {
                        found.AddRange(perRepo.Children.Values.OfType<YamlScalarNode>().Select(v => (file, v.Value ?? "")));
                    }
                    else
                    {
                        Collect(value, file, found);
                    }
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list)
                {
                    Collect(item, file, found);
                }

                break;
        }
    }

    private static IEnumerable<(string Key, object Data)> Inputs(string kind) => kind switch
    {
        "welcome" => [("welcome", new PRInfo("kubernetes-sigs", "cluster-api", "alice", "Alice"))],
        "pod" => [("pod", new Pod("5f1c2e3a-presubmit", "test-pods"))],
        _ => JsonSerializer.Deserialize<List<ProwJob>>(File.ReadAllText(Path.Combine(s_folder, "prowjobs.json")))!
            .Select(j => (j.Id, (object)ProwJobTemplateData.For(j))),
    };

    /// <summary>Which operand failed (<c>at &lt;.Spec.Refs.Org&gt;</c>): Go's wording of the cause differs between its releases.</summary>
    private static string Operand(string message)
    {
        var start = message.IndexOf(" at <", StringComparison.Ordinal);
        return start < 0 ? message : message[start..(message.IndexOf(">: ", start, StringComparison.Ordinal) + 1)];
    }

    private static List<JsonElement> Load(string file) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(s_folder, file))).RootElement.EnumerateArray()];

    private static string CorpusRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "testdata", "conformance");
    }
}
