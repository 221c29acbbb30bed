using System.Text;

namespace Prow.Clients.GitHub;

/// <summary>A file read through the contents API, already base64-decoded.</summary>
public sealed record RepositoryFile(string Path, string Sha, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}
