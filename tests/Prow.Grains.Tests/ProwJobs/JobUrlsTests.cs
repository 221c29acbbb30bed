using System.Text.Json;
using Prow.Config.Components;
using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Grains.Tests.Artifacts;

namespace Prow.Grains.Tests.ProwJobs;

/// <summary>Commit status links, as Prow's pjutil.JobURL makes them: storage paths and templates under a prefix, this site's job page without.</summary>
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
    public void DecoratedJobWithoutABucket_WithAPrefix_GetsThePrefixAndItsId()
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

    private static readonly ProwJob s_decorated = ArtifactLayoutTests.Job(
        ProwJobType.Presubmit, """{"bucket": "kubernetes-jenkins", "path_strategy": "legacy", "default_org": "kubernetes", "default_repo": "kubernetes"}""", "kubernetes-sigs", "kind", pull: 12);

    [Fact]
    public void WithAPrefix_ADecoratedJobLinksToItsStoragePath()
    {
        var plank = new PlankConfig { JobUrlPrefixConfig = new Dictionary<string, string> { ["*"] = "https://prow.k8s.io/view/" } };

        Assert.Equal("https://prow.k8s.io/view/gs/kubernetes-jenkins/pr-logs/pull/kubernetes-sigs_kind/12/unit/1001", s_urls.For(s_decorated, plank));
    }

    [Fact]
    public void DisableAppendStorageProvider_LeavesTheProviderOut()
    {
        var plank = new PlankConfig
        {
            JobUrlPrefixConfig = new Dictionary<string, string> { ["kubernetes-sigs"] = "https://deck.example/view/gcs" },
            Extra = new Dictionary<string, object?> { ["jobURLPrefixDisableAppendStorageProvider"] = "true" },
        };

        Assert.Equal("https://deck.example/view/gcs/kubernetes-jenkins/pr-logs/pull/kubernetes-sigs_kind/12/unit/1001", s_urls.For(s_decorated, plank));
    }

    [Fact]
    public void UndecoratedOrNotYetStarted_LinksByTheJobsId()
    {
        var plank = new PlankConfig { JobUrlPrefixConfig = new Dictionary<string, string> { ["*"] = "https://prow.k8s.io/view/" } };
        var undecorated = ArtifactLayoutTests.Job(ProwJobType.Periodic, null, "org", "repo");
        var triggered = s_decorated with { Status = s_decorated.Status with { BuildId = null } };

        Assert.Equal("https://prow.k8s.io/view/id-1", s_urls.For(undecorated, plank));
        Assert.Equal("https://prow.k8s.io/view/id-1", s_urls.For(triggered, plank));
        Assert.Equal("http://127.0.0.1:8080/view/id-1", s_urls.For(s_decorated, new PlankConfig()));
    }
}
