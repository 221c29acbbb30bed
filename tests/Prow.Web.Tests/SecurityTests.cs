using System.Net;
using System.Text.RegularExpressions;
using Prow.Web.Auth;
using Prow.Web.Security;

namespace Prow.Web.Tests;

/// <summary>What a probe of the running site as an attacker tried: open redirects, a forged Host, sniffing and framing.</summary>
[Collection(SharedDeck.Name)]
public sealed partial class SecurityTests(DeckHost host)
{
    [Theory]
    [InlineData("%2F%09%2Fevil.com")]
    [InlineData("%2F%0A%2Fevil.com")]
    [InlineData("%2F%5Cevil.com")]
    [InlineData("%2F%2Fevil.com")]
    [InlineData("https%3A%2F%2Fevil.com")]
    public async Task GitHubLogin_DestLeavingTheSite_EndsOnTheFrontPage(string dest)
    {
        using var browser = Browser(out _);

        using var login = await browser.GetAsync($"/github-login?dest={dest}");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        using var github = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var approved = await github.GetAsync(login.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        using var back = await browser.GetAsync(approved.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GitHubLogin_LocalDest_IsKept()
    {
        using var browser = Browser(out _);

        using var login = await browser.GetAsync("/github-login?dest=%2Fview%2Fsome-job");
        using var github = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var approved = await github.GetAsync(login.Headers.Location);
        using var back = await browser.GetAsync(approved.Headers.Location!.PathAndQuery);

        Assert.Equal("/view/some-job", back.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GitHubLogin_ForgedHostHeader_IsNotGitHubsReturnAddress()
    {
        using var browser = Browser(out _);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/github-login?dest=%2F");
        request.Headers.Host = "evil.example";

        using var login = await browser.SendAsync(request);

        var redirectUri = Uri.UnescapeDataString(RedirectUri().Match(login.Headers.Location!.Query).Groups[1].Value);
        Assert.Equal(new Uri(host.BaseAddress, "/github-login/redirect").AbsoluteUri, redirectUri);
    }

    [Fact]
    public async Task GitHubLogin_BehindATlsProxy_CookiesAreSecure()
    {
        using var browser = Browser(out _);
        using var plain = await browser.GetAsync("/github-login?dest=%2F");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/github-login?dest=%2F");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var proxied = await browser.SendAsync(request);

        Assert.DoesNotContain("secure", string.Join(";", plain.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", string.Join(";", proxied.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OAuthConfig_RedirectUrl_IsGitHubsReturnAddress_AndHttpsMakesCookiesSecure()
    {
        var file = Path.Combine(host.Folder, "oauth-with-redirect.yaml");
        File.WriteAllText(file, "client_id: a\nclient_secret: b\nredirect_url: https://prow.example.com/github-login/redirect\n");
        var bad = Path.Combine(host.Folder, "oauth-bad-redirect.yaml");
        File.WriteAllText(bad, "client_id: a\nclient_secret: b\nredirect_url: javascript:alert(1)\n");

        var oauth = GitHubOAuthConfigFile.Load(file, new Uri("https://github.com"), new Uri("https://api.github.com"));

        Assert.Equal(new Uri("https://prow.example.com/github-login/redirect"), oauth.RedirectUrl);
        Assert.True(new DeckOptions { GitHubOAuth = oauth }.IsServedOverHttps(new Microsoft.AspNetCore.Http.DefaultHttpContext()));
        Assert.Contains("redirect_url", Assert.Throws<FormatException>(() => GitHubOAuthConfigFile.Load(bad, new Uri("https://github.com"), new Uri("https://api.github.com"))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/view/no-such-job")]
    [InlineData("/admin")]
    [InlineData("/hook")]
    [InlineData("/prowjob?prowjob=x")]
    [InlineData("/static/deck.css")]
    [InlineData("/badge.svg?jobs=none")]
    [InlineData("/metrics")]
    public async Task EveryResponse_RefusesSniffingAndFraming_WithAContentSecurityPolicy(string url)
    {
        using var response = await host.Http.GetAsync(url);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Theory]
    [InlineData("/prowjob?prowjob=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/artifact?prowjob=%3Cscript%3Ealert(1)%3C%2Fscript%3E&name=build-log.txt")]
    public async Task ErrorBodies_DoNotEchoTheRequest(string url)
    {
        using var response = await host.Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("script", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admin_WrongToken_GetsAPageWithTheWayBack()
    {
        using var browser = Browser(out _);
        var form = await browser.GetStringAsync("/admin");
        var antiforgery = AntiforgeryField().Match(form).Groups[1].Value;

        using var response = await browser.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["token"] = "not-the-token",
        }));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("That is not the admin token.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Badge_WithoutJobs_SaysSoInPlainText()
    {
        using var response = await host.Http.GetAsync("/badge.svg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("missing jobs query parameter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's single tab seen step by step.</summary>
    private HttpClient Browser(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.BaseAddress };
    }

    [GeneratedRegex("redirect_uri=([^&]+)")]
    private static partial Regex RedirectUri();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
