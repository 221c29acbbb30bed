using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Prow.Web.Auth;

/// <summary>Reads Prow's <c>github-oauth-config</c> file (YAML or JSON with <c>client_id</c> and <c>client_secret</c>).</summary>
public static class GitHubOAuthConfigFile
{
    /// <exception cref="FormatException">The file is not YAML or lacks a field; the message names it.</exception>
    public static GitHubOAuthOptions Load(string path, Uri oauthBaseUrl, Uri apiBaseUrl)
    {
        Dictionary<string, object?>? fields;
        try
        {
            fields = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path}: not YAML: {ex.Message}", ex);
        }

        string Field(string name) => fields?.GetValueOrDefault(name) is string { Length: > 0 } value
            ? value
            : throw new FormatException($"{path}: {name} is missing");

        return new GitHubOAuthOptions
        {
            ClientId = Field("client_id"),
            ClientSecret = Field("client_secret"),
            OAuthBaseUrl = WithSlash(oauthBaseUrl),
            ApiBaseUrl = WithSlash(apiBaseUrl),
        };
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
