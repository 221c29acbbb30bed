using System.Text.Json.Nodes;
using Prow.Grains.Plugins.Welcome;

namespace Prow.Silo.Tests;

/// <summary>The welcome plugin's cases, in the manner of Prow's welcome test: earlier pull requests found by the fake GitHub's search.</summary>
public sealed class WelcomePluginTests
{
    private const string Repo = PluginHarness.Repo;
    private const string Template = "welcome:\n- repos: [org]\n  message_template: \"Welcome human! {{.AuthorName}} {{.AuthorLogin}} {{.Repo}} {{.Org}}\"\n";

    public static TheoryData<string, string, string, string, string, bool> Cases => new()
    {
        // name, author, user type, action, plugins.yaml beside the plugin, welcomed
        { "a newcomer: welcomed", "newcomer", "User", "opened", Template, true },
        { "a contributor with an earlier pull request here: not welcomed", "contributor", "User", "opened", Template, false },
        { "a contributor, always_post: welcomed", "contributor", "User", "opened", Template + "  always_post: true\n", true },
        { "a newcomer with pull requests only elsewhere: welcomed", "elsewhere", "User", "opened", Template, true },
        { "a newcomer, edited: nothing", "newcomer", "User", "edited", Template, false },
        { "a newcomer, reopened: nothing", "newcomer", "User", "reopened", Template, false },
        { "a bot: never welcomed", "robot", "Bot", "opened", Template + "  always_post: true\n", false },
        { "an org member: not welcomed", "alice", "User", "opened", Template, false },
        { "an org member, always_post: welcomed", "alice", "User", "opened", Template + "  always_post: true\n", true },
        { "a collaborator: not welcomed", "collab", "User", "opened", Template, false },
        { "a collaborator where only org members are trusted: welcomed", "collab", "User", "opened", Template + "triggers:\n- repos: [org]\n  only_org_members: true\n", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OpenedPullRequest_WelcomesFirstTimeContributors(string name, string author, string type, string action, string pluginsYaml, bool welcomed)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.GitHub.State.AddRepo("org/other").WithBranch("main", "base0000");
        harness.GitHub.Change("org/other", r => r.AddPullRequest(3, "elsewhere", "elsewhere", "e3"));
        harness.FakeRepo.Collaborators["collab"] = "write";
        harness.FakeRepo.AddPullRequest(1, "old", "contributor", "c1").State = "closed";
        harness.FakeRepo.AddPullRequest(50, "first", author, "head50");

        await harness.RunAsync(new WelcomePlugin(), "pull_request", Opened(action, 50, author, type, "Full Name"), pluginsYaml);

        var comments = harness.GitHub.CommentsOn(Repo, 50);
        if (welcomed)
        {
            Assert.Equal($"Welcome human! Full Name {author} repo org", Assert.Single(comments).Body);
        }
        else
        {
            Assert.Empty(comments);
        }
    }

    public static TheoryData<string, string, string> MessageCases => new()
    {
        // name, plugins.yaml, the welcome
        { "no welcome section: Prow's default", "", "Welcome @newcomer! It looks like this is your first PR to org/repo 🎉" },
        { "an org entry", "welcome:\n- repos: [org]\n  message_template: \"Hi {{.AuthorLogin}} in {{.Org}}\"\n", "Hi newcomer in org" },
        { "the repo's entry wins over the org's", "welcome:\n- repos: [org]\n  message_template: \"org-wide\"\n- repos: [org/repo]\n  message_template: \"just {{.Repo}}\"\n", "just repo" },
        { "an entry for another repo: the default", "welcome:\n- repos: [org/elsewhere]\n  message_template: \"no\"\n", "Welcome @newcomer! It looks like this is your first PR to org/repo 🎉" },
        { "inserted values are HTML-escaped, as html/template does", "welcome:\n- repos: [org]\n  message_template: \"<b>{{.AuthorName}}</b>\"\n", "<b>O&#39;Brien &lt;dev&gt; &amp; &#34;co&#34; &#43;1</b>" },
        { "Go template actions", "welcome:\n- repos: [org]\n  message_template: \"{{if .AuthorName}}{{.AuthorName}}{{else}}@{{.AuthorLogin}}{{end}}, welcome to {{printf \\\"%s/%s\\\" .Org .Repo}}\"\n", "O&#39;Brien &lt;dev&gt; &amp; &#34;co&#34; &#43;1, welcome to org/repo" },
    };

    [Theory]
    [MemberData(nameof(MessageCases))]
    public async Task Message_IsTheRepositorysTemplate(string name, string pluginsYaml, string message)
    {
        Assert.NotEmpty(name);
        await using var harness = await PluginHarness.StartAsync();
        harness.FakeRepo.AddPullRequest(50, "first", "newcomer", "head50");

        await harness.RunAsync(new WelcomePlugin(), "pull_request", Opened("opened", 50, "newcomer", "User", "O'Brien <dev> & \"co\" +1"), pluginsYaml);

        Assert.Equal(message, Assert.Single(harness.GitHub.CommentsOn(Repo, 50)).Body);
    }

    /// <summary>A pull_request webhook whose author carries GitHub's user type and name.</summary>
    internal static string Opened(string action, int number, string author, string type, string? fullName)
    {
        var json = JsonNode.Parse(Webhooks.PullRequest(action, Repo, number, author, "head" + number))!.AsObject();
        var user = json["pull_request"]!["user"]!.AsObject();
        user["type"] = type;
        user["name"] = fullName;
        return json.ToJsonString();
    }
}
