using System.Text.Json;
using Prow.Config.Components;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;

namespace Prow.Grains.Tests.ProwJobs;

public sealed class JobUrlsTests
{
    private const string KubevirtTemplate = "https://prow.ci.kubevirt.io/view/gs/kubevirt-prow/{{if eq .Spec.Type \"presubmit\"}}pr-logs/pull{{else}}logs{{end}}{{if .Spec.Refs}}/{{.Spec.Refs.Org}}_{{.Spec.Refs.Repo}}{{end}}{{if eq .Spec.Type \"presubmit\"}}/{{with index .Spec.Refs.Pulls 0}}{{.Number}}{{end}}{{end}}/{{.Spec.Job}}/{{.Status.BuildID}}/";

    private static readonly JobUrls s_urls = new(() => new Uri("http://127.0.0.1:8080/"));

    private static ProwJob Job(JsonElement? decoration) => new()
    {
        Metadata = new ProwJobMetadata { Name = "abc" },
        Spec = new ProwJobSpec
        {
            Type = ProwJobType.Presubmit,
            Job = "pull-kubevirt-unit",
            DecorationConfig = decoration,
            Refs = new ProwJobRefs { Org = "kubevirt", Repo = "kubevirt", BaseRef = "main", Pulls = [new ProwJobPull { Number = 42, Sha = "abc" }] },
        },
        Status = new ProwJobStatus { BuildId = "1001" },
    };

    [Fact]
    public void UndecoratedJob_WithJobUrlTemplate_GetsTheTemplateRendered()
    {
        var plank = new PlankConfig { JobUrlTemplate = KubevirtTemplate, JobUrlPrefixConfig = new Dictionary<string, string> { ["*"] = "https://prow.ci.kubevirt.io/view/" } };

        Assert.Equal("https://prow.ci.kubevirt.io/view/gs/kubevirt-prow/pr-logs/pull/kubevirt_kubevirt/42/pull-kubevirt-unit/1001/", s_urls.For(Job(null), plank));
    }

    [Fact]
    public void DecoratedJob_WithAPrefix_GetsThePrefixAndItsId()
    {
        var plank = new PlankConfig { JobUrlTemplate = KubevirtTemplate, JobUrlPrefixConfig = new Dictionary<string, string> { ["*"] = "https://prow.ci.kubevirt.io/view/" } };

        Assert.Equal("https://prow.ci.kubevirt.io/view/abc", s_urls.For(Job(JsonDocument.Parse("{}").RootElement), plank));
    }

    [Fact]
    public void TemplateThatFails_FallsBackToTheJobsOwnPage()
    {
        var plank = new PlankConfig { JobUrlTemplate = "{{.Spec.ExtraRefs.Nope}}" };

        Assert.Equal("http://127.0.0.1:8080/view/abc", s_urls.For(Job(null), plank));
    }
}
