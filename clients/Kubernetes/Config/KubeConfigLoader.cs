using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Prow.Clients.Kubernetes.Config;

/// <summary>
/// Reads kubeconfig files as kubectl merges them: the first file to define a cluster, user or context name wins,
/// and the first current-context set wins. Relative paths in a file are relative to that file's folder.
/// </summary>
public static class KubeConfigLoader
{
    private static readonly IDeserializer s_yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static KubeConfig Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clusters = new Dictionary<string, (KubeConfigCluster Value, string Folder)>(StringComparer.Ordinal);
        var users = new Dictionary<string, (KubeConfigUser Value, string Folder)>(StringComparer.Ordinal);
        var contexts = new List<(string Name, KubeConfigContext Value, string File)>();
        string? current = null;
        foreach (var path in paths)
        {
            var file = Read(path);
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            current ??= string.IsNullOrEmpty(file.CurrentContext) ? null : file.CurrentContext;
            foreach (var c in file.Clusters.Where(c => c.Value is not null))
            {
                clusters.TryAdd(c.Name, (c.Value!, folder));
            }

            foreach (var u in file.Users.Where(u => u.Value is not null))
            {
                users.TryAdd(u.Name, (u.Value!, folder));
            }

            foreach (var c in file.Contexts.Where(c => c.Value is not null && !contexts.Exists(e => e.Name == c.Name)))
            {
                contexts.Add((c.Name, c.Value!, path));
            }
        }

        return new KubeConfig([.. contexts.Select(c => Resolve(c.Name, c.Value, c.File, clusters, users))], current);
    }

    private static KubeConfigFile Read(string path)
    {
        try
        {
            return s_yaml.Deserialize<KubeConfigFile>(File.ReadAllText(path)) ?? new KubeConfigFile();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"kubeconfig {path}: {ex.Message}", ex);
        }
        catch (YamlException ex)
        {
            throw new KubeConfigException($"kubeconfig {path}:{ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    private static KubernetesClusterConfig Resolve(
        string name,
        KubeConfigContext context,
        string file,
        Dictionary<string, (KubeConfigCluster Value, string Folder)> clusters,
        Dictionary<string, (KubeConfigUser Value, string Folder)> users)
    {
        string Where() => $"kubeconfig {file}: context {name}";
        if (context.Cluster is null || !clusters.TryGetValue(context.Cluster, out var cluster))
        {
            throw new KubeConfigException($"{Where()}: cluster '{context.Cluster}' is not defined in any kubeconfig");
        }

        if (!Uri.TryCreate(cluster.Value.Server, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            throw new KubeConfigException($"{Where()}: cluster '{context.Cluster}' has no http(s) server (got '{cluster.Value.Server}')");
        }

        var user = new KubeConfigUser();
        var userFolder = cluster.Folder;
        if (context.User is { Length: > 0 })
        {
            if (!users.TryGetValue(context.User, out var found))
            {
                throw new KubeConfigException($"{Where()}: user '{context.User}' is not defined in any kubeconfig");
            }

            (user, userFolder) = found;
        }

        return new KubernetesClusterConfig
        {
            Name = name,
            Server = WithTrailingSlash(server),
            Namespace = string.IsNullOrEmpty(context.Namespace) ? null : context.Namespace,
            CertificateAuthorityPem = DataOrFile(cluster.Value.CertificateAuthorityData, cluster.Value.CertificateAuthority, cluster.Folder, Where, "certificate-authority"),
            InsecureSkipTlsVerify = cluster.Value.InsecureSkipTlsVerify,
            BearerToken = string.IsNullOrEmpty(user.Token) ? null : user.Token,
            BearerTokenFile = user.TokenFile is { Length: > 0 } tokenFile ? Path.GetFullPath(Path.Combine(userFolder, tokenFile)) : null,
            ClientCertificatePem = DataOrFile(user.ClientCertificateData, user.ClientCertificate, userFolder, Where, "client-certificate"),
            ClientKeyPem = DataOrFile(user.ClientKeyData, user.ClientKey, userFolder, Where, "client-key"),
            Exec = user.Exec is { Command: { Length: > 0 } command } exec
                ? new ExecCredentialConfig
                {
                    Command = command,
                    Args = exec.Args,
                    Env = (exec.Env ?? []).ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal),
                    ApiVersion = exec.ApiVersion ?? "client.authentication.k8s.io/v1",
                    BaseDirectory = userFolder,
                }
                : null,
        };
    }

    internal static Uri WithTrailingSlash(Uri server) =>
        server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");

    /// <summary>The PEM from base64 <c>*-data</c>, else from the file; null when neither is set.</summary>
    private static string? DataOrFile(string? data, string? file, string folder, Func<string> where, string field)
    {
        if (!string.IsNullOrEmpty(data))
        {
            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(data));
            }
            catch (FormatException ex)
            {
                throw new KubeConfigException($"{where()}: {field}-data is not base64", ex);
            }
        }

        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(folder, file));
        try
        {
            return File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"{where()}: {field} {full}: {ex.Message}", ex);
        }
    }
}
