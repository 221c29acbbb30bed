using System.Net;
using System.Text.RegularExpressions;
using Prow.Silo.Cli;
using Prow.Silo.Hosting;

namespace Prow.Web.Tests;

/// <summary>Deck's cookies are sealed with keys kept beside the database, so a restart does not log everyone out.</summary>
public sealed partial class DeckRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-web-restart-").FullName;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task AdminLogin_SurvivesARestart()
    {
        var cookies = new CookieContainer();
        await using (var first = await StartAsync())
        {
            using var client = Client(first, cookies);
            var form = await client.GetStringAsync("/admin");
            using var login = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
                ["token"] = DeckHost.AdminToken,
            }));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Contains("Grain types", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
        }

        await using var second = await StartAsync();
        using var again = Client(second, cookies);

        Assert.Contains("Grain types", await again.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "deck-keys"), "key-*.xml"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication app, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.First()) };

    private async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync()
    {
        var token = Path.Combine(_folder, "admin-token");
        await File.WriteAllTextAsync(token, DeckHost.AdminToken);
        var app = ProwHost.Build(new ProwOptions
        {
            Urls = "http://127.0.0.1:0",
            Storage = new StorageLocation(StorageKind.Sqlite, Path.Combine(_folder, "prow.db")),
            AdminTokenFile = token,
            Artifacts = Path.Combine(_folder, "artifacts"),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        await app.StartAsync();
        return app;
    }
}
