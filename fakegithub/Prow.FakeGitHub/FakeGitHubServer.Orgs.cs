using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    private void MapOrgRoutes(WebApplication app)
    {
        app.MapGet("/user", (HttpContext c) => FakeJson.Ok(FakeJson.User(OAuthLogin(c.Request) ?? State.BotLogin)));
        app.MapGet("/orgs/{org}/members", (HttpContext c) => WithOrg(c, o =>
            FakeJson.Ok(Paging.Page(c, o.Members.Order(StringComparer.Ordinal).ToList()).Select(FakeJson.User))));
        app.MapGet("/orgs/{org}/members/{user}", (HttpContext c) => WithOrg(c, o =>
            o.Members.Contains(Value(c, "user")) ? Results.NoContent() : FakeJson.NotFound()));
        app.MapGet("/orgs/{org}/teams/{slug}/members", (HttpContext c) => WithOrg(c, o =>
            o.Teams.TryGetValue(Value(c, "slug"), out var members) ? FakeJson.Ok(Paging.Page(c, members).Select(FakeJson.User)) : FakeJson.NotFound()));
        app.MapGet("/teams/{id:long}/members", (HttpContext c) =>
        {
            var id = long.Parse(Value(c, "id"), System.Globalization.CultureInfo.InvariantCulture);
            lock (State.Sync)
            {
                var team = State.AllOrgs().Select(o => o.TeamIds.TryGetValue(id, out var slug) ? o.Teams.GetValueOrDefault(slug) : null).FirstOrDefault(t => t is not null);
                return team is null ? FakeJson.NotFound() : FakeJson.Ok(Paging.Page(c, team).Select(FakeJson.User));
            }
        });
        app.MapGet("/orgs/{org}/repos", (HttpContext c) =>
        {
            var org = Value(c, "org");
            var repos = State.AllRepos().Where(r => string.Equals(r.Owner, org, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            return repos.Count == 0 && State.TryOrg(org) is null ? FakeJson.NotFound() : FakeJson.Ok(Paging.Page(c, repos).Select(FakeJson.Repo));
        });
        app.MapGet("/search/issues", (HttpContext c) => Search(c));
    }

    private IResult WithOrg(HttpContext context, Func<FakeOrg, IResult> action)
    {
        var org = State.TryOrg(Value(context, "org"));
        if (org is null)
        {
            return FakeJson.NotFound();
        }

        lock (State.Sync)
        {
            return action(org);
        }
    }

    private IResult Search(HttpContext context)
    {
        var query = SearchQuery.Parse(context.Request.Query["q"].ToString());
        var baseUrl = BaseUrl(context);
        lock (State.Sync)
        {
            var matches = State.AllRepos()
                .SelectMany(r => r.Issues.Values.Select(i => (Repo: r, Issue: i)))
                .Where(x => query.Matches(x.Repo, x.Issue))
                .OrderBy(x => x.Repo.FullName, StringComparer.Ordinal)
                .ThenBy(x => x.Issue.Number)
                .ToList();
            return FakeJson.Ok(new
            {
                total_count = matches.Count,
                incomplete_results = false,
                items = Paging.Page(context, matches).Select(x => FakeJson.Issue(x.Repo, x.Issue, baseUrl)),
            });
        }
    }
}
