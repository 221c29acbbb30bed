using System.Xml.Linq;

namespace Prow.Silo.Tests;

/// <summary>
/// References point one way along the Orleans seam: grain-interfaces ← grains ← silo; the gateway and the status site
/// see grain interfaces and services, never grain implementations; config parses Go templates with the template engine;
/// the template engine, clients, the inbox and the fake GitHub (<c>prow fake-github</c>) are leaves.
/// </summary>
public sealed class ProjectLayeringTests
{
    private static readonly Dictionary<string, string[]> s_allowed = new(StringComparer.Ordinal)
    {
        ["Prow.GoTemplates"] = [],
        ["Prow.Config"] = ["Prow.GoTemplates"],
        ["Prow.Clients"] = [],
        ["Prow.FakeGitHub"] = [],
        ["Prow.Ingress"] = [],
        ["Prow.GrainInterfaces"] = [],
        ["Prow.Services"] = ["Prow.Clients", "Prow.Config", "Prow.GrainInterfaces"],
        ["Prow.Storage"] = ["Prow.Ingress", "Prow.Services"],
        ["Prow.Grains"] = ["Prow.Clients", "Prow.Config", "Prow.GoTemplates", "Prow.GrainInterfaces", "Prow.Ingress", "Prow.Services"],
        ["Prow.Gateway"] = ["Prow.Clients", "Prow.GrainInterfaces", "Prow.Ingress", "Prow.Services"],
        ["Prow.Web"] = ["Prow.GrainInterfaces", "Prow.Services"],
        ["Prow.Silo"] = ["Prow.FakeGitHub", "Prow.Gateway", "Prow.Grains", "Prow.Storage", "Prow.Web"],
    };

    public static TheoryData<string> ProductionProjects() => [.. s_allowed.Keys];

    [Theory]
    [MemberData(nameof(ProductionProjects))]
    public void Project_ReferencesOnlyTheLayersBelowIt(string project)
    {
        var file = Directory.EnumerateFiles(RepositoryRoot.Path, project + ".csproj", SearchOption.AllDirectories)
            .Single(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Assert.Equal(s_allowed[project], References(file));
    }

    [Fact]
    public void EveryProductionProject_IsListed()
    {
        var production = Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name is not null && !name.EndsWith(".Tests", StringComparison.Ordinal) && !name.EndsWith(".Bench", StringComparison.Ordinal) && name != "Prow.TestKit")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        Assert.Equal(s_allowed.Keys.Order(StringComparer.Ordinal), production);
    }

    [Fact]
    public void TheHost_RunsOnOrleans_AndNoOwnRuntimeIsLeft()
    {
        var silo = XDocument.Load(Path.Combine(RepositoryRoot.Path, "silo", "Prow.Silo", "Prow.Silo.csproj"));

        Assert.Contains(silo.Descendants("PackageReference"), p => (string?)p.Attribute("Include") == "Microsoft.Orleans.Server");
        Assert.False(Directory.Exists(Path.Combine(RepositoryRoot.Path, "runtime")), "runtime/ is gone: Orleans is the runtime");
    }

    private static string[] References(string csproj) =>
        [.. XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string?)r.Attribute("Include") ?? "").Replace('\\', '/')))
            .Order(StringComparer.Ordinal)];
}
