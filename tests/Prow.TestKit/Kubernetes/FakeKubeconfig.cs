using System.Text;

namespace Prow.TestKit.Kubernetes;

/// <summary>Writes a kubeconfig whose contexts point at fake API servers, each with its bearer token.</summary>
public static class FakeKubeconfig
{
    public static string Write(string path, params (string Context, FakeKubernetesServer Server)[] clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var yaml = new StringBuilder("apiVersion: v1\nkind: Config\n");
        yaml.Append($"current-context: {clusters[0].Context}\nclusters:\n");
        foreach (var (context, server) in clusters)
        {
            yaml.Append($"- name: {context}-cluster\n  cluster:\n    server: {server.BaseAddress}\n");
        }

        yaml.Append("users:\n");
        foreach (var (context, server) in clusters)
        {
            yaml.Append($"- name: {context}-user\n  user:\n    token: {server.Options.RequiredToken ?? "unused"}\n");
        }

        yaml.Append("contexts:\n");
        foreach (var (context, _) in clusters)
        {
            yaml.Append($"- name: {context}\n  context:\n    cluster: {context}-cluster\n    user: {context}-user\n");
        }

        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
