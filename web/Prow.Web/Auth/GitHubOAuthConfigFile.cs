using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Prow.Web.Auth;

/// <summary>Reads Prow's <c>github-oauth-config</c> file (YAML or JSON with <c>client_id</c>, <c>client_secret</c> and optionally <c>redirect_url</c>).</summary>
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

        Uri? redirectUrl = null;
        if (fields?.GetValueOrDefault("redirect_url") is string { Length: > 0 } redirect
            && (!Uri.TryCreate(redirect, UriKind.Absolute, out redirectUrl) || redirectUrl.Scheme is not ("http" or "https")))
        {
            throw new FormatException($"{path}: redirect_url: '{redirect}' is not an http(s) URL");
        }

        return new GitHubOAuthOptions
        {
            RedirectUrl = redirectUrl,
            ClientId = Field("client_id"),
            ClientSecret = Field("client_secret"),
            OAuthBaseUrl = WithSlash(oauthBaseUrl),
            ApiBaseUrl = WithSlash(apiBaseUrl),
        };
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
