using System.Text.RegularExpressions;
using Prow.Silo.Cli;
using YamlDotNet.RepresentationModel;

namespace Prow.Silo.Tests;

/// <summary>
/// k8s/ cannot be applied here (no cluster, no image build), so its parts are checked against each other and against
/// the real command line: every manifest parses, every ConfigMap, Secret and ServiceAccount a pod uses is created by a
/// manifest or by install.sh, every flag is one <c>prow run --help</c> lists, services select the pods and the Ingress
/// routes to services that exist.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly string s_k8s = Path.Combine(RepositoryRoot.Path, "k8s");

    [Fact]
    public void EveryManifest_Parses_AndEveryKustomizationListsFilesThatExist()
    {
        var files = Directory.GetFiles(s_k8s, "*.yaml", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var documents = Load(file);
            Assert.All(documents, d => Assert.True(d is YamlMappingNode, $"{file}: a document is not a mapping"));
            if (Path.GetFileName(file) == "kustomization.yaml")
            {
                var root = (YamlMappingNode)documents[0];
                foreach (var key in new[] { "resources", "patches" })
                {
                    foreach (var item in Sequence(root, key))
                    {
                        var path = item is YamlScalarNode s ? s.Value! : Scalar((YamlMappingNode)item, "path")!;
                        var target = Path.Combine(Path.GetDirectoryName(file)!, path);
                        Assert.True(File.Exists(target) || Directory.Exists(target), $"{file}: {key} names {path}, which does not exist");
                    }
                }
            }
        }
    }

    [Fact]
    public void Deployment_UsesOnlyFlagsProwRunHas_ConfigMapsAndSecretsThatAreCreated_AndItsServiceAccount()
    {
        var flags = RunFlags();
        var resources = BaseResources();
        var created = CreatedByInstallScript();
        var deployments = resources.Where(r => Kind(r) == "Deployment").ToList();
        Assert.NotEmpty(deployments);
        foreach (var deployment in deployments)
        {
            var pod = (YamlMappingNode)At(deployment, "spec", "template", "spec");
            var account = Scalar(pod, "serviceAccountName");
            Assert.Contains(resources, r => Kind(r) == "ServiceAccount" && Name(r) == account);
            Assert.Contains(resources, r => Kind(r) == "RoleBinding" && Sequence(r, "subjects").Cast<YamlMappingNode>().Any(s => Scalar(s, "name") == account));

            var volumes = Sequence(pod, "volumes").Cast<YamlMappingNode>().ToList();
            foreach (var volume in volumes)
            {
                if (volume.Children.TryGetValue("configMap", out var configMap))
                {
                    var name = Scalar((YamlMappingNode)configMap, "name")!;
                    Assert.True(created.Contains(("configmap", name)), $"ConfigMap {name} is created neither by a manifest nor by install.sh");
                }

                if (volume.Children.TryGetValue("secret", out var secret))
                {
                    var name = Scalar((YamlMappingNode)secret, "secretName")!;
                    Assert.True(created.Contains(("secret", name)), $"Secret {name} is created neither by a manifest nor by install.sh");
                }
            }

            foreach (var container in Sequence(pod, "containers").Cast<YamlMappingNode>())
            {
                var mounts = Sequence(container, "volumeMounts").Cast<YamlMappingNode>().Select(m => (Name: Scalar(m, "name")!, Path: Scalar(m, "mountPath")!)).ToList();
                Assert.All(mounts, m => Assert.Contains(volumes, v => Scalar(v, "name") == m.Name));
                foreach (var arg in Sequence(container, "args").Select(a => ((YamlScalarNode)a).Value!))
                {
                    var flag = arg.Split('=')[0];
                    Assert.True(flags.Contains(flag), $"{flag} is not a flag of prow run");
                    // A file a flag names is in a mounted volume.
                    if (arg.Contains("=/etc/", StringComparison.Ordinal))
                    {
                        var path = arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..];
                        Assert.True(mounts.Any(m => path.StartsWith(m.Path, StringComparison.Ordinal)), $"{arg}: nothing is mounted there");
                    }
                }

                foreach (var probe in new[] { "livenessProbe", "readinessProbe" })
                {
                    Assert.StartsWith("/healthz", Scalar((YamlMappingNode)At(container, probe, "httpGet"), "path"), StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Services_SelectThePods_AndTheIngressRoutesToServicesThatExist_OverTls()
    {
        var resources = BaseResources();
        var podLabels = resources.Where(r => Kind(r) == "Deployment")
            .Select(d => (YamlMappingNode)At(d, "spec", "template", "metadata", "labels")).ToList();
        var services = resources.Where(r => Kind(r) == "Service").ToList();
        Assert.Contains(services, s => Name(s) == "hook");
        foreach (var service in services)
        {
            var selector = (YamlMappingNode)At(service, "spec", "selector");
            Assert.Contains(podLabels, labels => selector.Children.All(kv => labels.Children.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value)));
        }

        var ingress = Assert.Single(resources, r => Kind(r) == "Ingress");
        Assert.NotEmpty(Sequence((YamlMappingNode)At(ingress, "spec"), "tls"));
        var backends = Sequence((YamlMappingNode)At(ingress, "spec"), "rules").Cast<YamlMappingNode>()
            .SelectMany(rule => Sequence((YamlMappingNode)At(rule, "http"), "paths").Cast<YamlMappingNode>())
            .Select(path => Scalar((YamlMappingNode)At(path, "backend", "service"), "name")!).ToList();
        Assert.Contains("hook", backends);
        Assert.All(backends, b => Assert.Contains(services, s => Name(s) == b));
        Assert.Contains(resources, r => Kind(r) == "PodDisruptionBudget");
    }

    [Fact]
    public void ADeploymentPerRole_WebhooksAndTheSiteGoToGateways_TheOverlayScalesBoth()
    {
        var resources = BaseResources();
        var roles = resources.Where(r => Kind(r) == "Deployment").ToDictionary(
            d => Assert.Single(Sequence(Assert.Single(Sequence((YamlMappingNode)At(d, "spec", "template", "spec"), "containers").Cast<YamlMappingNode>()), "args")
                .Select(a => ((YamlScalarNode)a).Value!), a => a.StartsWith("--role=", StringComparison.Ordinal))["--role=".Length..],
            d => (Name: Name(d)!, Labels: (YamlMappingNode)At(d, "spec", "template", "metadata", "labels")));
        Assert.Equal(["gateway", "worker"], roles.Keys.Order(StringComparer.Ordinal));
        foreach (var service in resources.Where(r => Kind(r) == "Service"))
        {
            var selector = (YamlMappingNode)At(service, "spec", "selector");
            bool Selects(YamlMappingNode labels) => selector.Children.All(kv => labels.Children.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));
            Assert.True(Selects(roles["gateway"].Labels), $"{Name(service)} does not select the gateways");
            Assert.False(Selects(roles["worker"].Labels), $"{Name(service)} sends traffic to workers, which answer no webhooks");
        }

        var overlay = (YamlMappingNode)Load(Path.Combine(s_k8s, "overlays", "example", "kustomization.yaml"))[0];
        Assert.Equal(roles.Values.Select(r => r.Name).Order(StringComparer.Ordinal), Sequence(overlay, "replicas").Cast<YamlMappingNode>().Select(r => Scalar(r, "name")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dockerfile_StartsProwRun_AndItsFlagsExist()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(s_k8s, "Dockerfile"));
        var flags = RunFlags();

        Assert.Contains("""ENTRYPOINT ["dotnet", "/app/prow.dll", "run"]""", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish silo/Prow.Silo", dockerfile, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "silo", "Prow.Silo", "Prow.Silo.csproj")));
        foreach (Match flag in FlagPattern().Matches(dockerfile[dockerfile.IndexOf("ENTRYPOINT", StringComparison.Ordinal)..]))
        {
            Assert.Contains(flag.Value, flags);
        }
    }

    private static HashSet<string> RunFlags()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, ProwCommandLine.InvokeAsync(["run", "--help"], output, error).GetAwaiter().GetResult());
        return [.. FlagPattern().Matches(output.ToString()).Select(m => m.Value)];
    }

    /// <summary>What install.sh creates (<c>create configmap NAME</c>, <c>create secret KIND NAME</c>) and what the manifests define.</summary>
    private static HashSet<(string Kind, string Name)> CreatedByInstallScript()
    {
        var script = File.ReadAllText(Path.Combine(s_k8s, "install.sh"));
        var created = new HashSet<(string, string)>();
        foreach (Match m in Regex.Matches(script, @"create configmap (\S+)"))
        {
            created.Add(("configmap", m.Groups[1].Value));
        }

        foreach (Match m in Regex.Matches(script, @"create secret \S+ (\S+)"))
        {
            created.Add(("secret", m.Groups[1].Value));
        }

        foreach (var resource in BaseResources())
        {
            if (Kind(resource) is "ConfigMap" or "Secret")
            {
                created.Add((Kind(resource)!.ToLowerInvariant(), Name(resource)!));
            }
        }

        return created;
    }

    private static List<YamlMappingNode> BaseResources()
    {
        var folder = Path.Combine(s_k8s, "base");
        var kustomization = (YamlMappingNode)Load(Path.Combine(folder, "kustomization.yaml"))[0];
        return [.. Sequence(kustomization, "resources").SelectMany(r => Load(Path.Combine(folder, ((YamlScalarNode)r).Value!))).Cast<YamlMappingNode>()];
    }

    private static List<YamlNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(file));
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode)];
    }

    private static YamlNode At(YamlMappingNode node, params string[] keys)
    {
        YamlNode current = node;
        foreach (var key in keys)
        {
            current = ((YamlMappingNode)current).Children[new YamlScalarNode(key)];
        }

        return current;
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static string? Kind(YamlMappingNode node) => Scalar(node, "kind");

    private static string? Name(YamlMappingNode node) => Scalar((YamlMappingNode)At(node, "metadata"), "name");

    [GeneratedRegex(@"--[a-z][a-z0-9-]+")]
    private static partial Regex FlagPattern();
}
