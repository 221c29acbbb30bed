using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Prow.FakeGitHub;

public sealed partial class FakeGitHubServer
{
    internal const string PullPath = "/repos/{owner}/{repo}/pulls/{number:int}";

    private void MapPullRoutes(WebApplication app)
    {
        app.MapGet(PullPath, (HttpContext c) => WithPull(c, (r, p) =>
        {
            var computing = p.MergeabilityPendingReads > 0;
            p.MergeabilityPendingReads -= computing ? 1 : 0;
            return FakeJson.Ok(FakeJson.Pull(r, p, computing));
        }));
        app.MapPatch(PullPath, (HttpContext c) => WithPull(c, (r, p) =>
        {
            Patch(p, Body(c));
            return FakeJson.Ok(FakeJson.Pull(r, p));
        }));
        app.MapGet(PullPath + "/files", (HttpContext c) => WithPull(c, (r, p) => FakeJson.Ok(Paging.Page(c, p.Files).Select(f => new
        {
            sha = FakeJson.Sha(f.Filename),
            filename = f.Filename,
            status = f.Status,
            additions = f.Additions,
            deletions = f.Deletions,
            changes = f.Additions + f.Deletions,
            previous_filename = f.PreviousFilename,
            blob_url = $"https://github.com/{r.FullName}/blob/{p.HeadSha}/{f.Filename}",
            patch = f.Patch,
        }))));
        app.MapGet(PullPath + "/commits", (HttpContext c) => WithPull(c, (_, p) => FakeJson.Ok(Paging.Page(c, p.Commits).Select(x => new
        {
            sha = x.Sha,
            commit = new { message = x.Message },
            author = x.AuthorLogin is null ? null : FakeJson.User(x.AuthorLogin),
            parents = Enumerable.Range(0, x.Parents).Select(i => new { sha = FakeJson.Sha($"{x.Sha}^{i}") }),
        }))));
        app.MapGet(PullPath + "/reviews", (HttpContext c) => WithPull(c, (_, p) => FakeJson.Ok(Paging.Page(c, p.Reviews).Select(v => new
        {
            id = v.Id,
            user = FakeJson.User(v.Author),
            state = v.State,
            body = v.Body,
            commit_id = v.CommitId,
            submitted_at = v.SubmittedAt,
        }))));
        app.MapGet(PullPath + "/comments", (HttpContext c) => WithPull(c, (r, p) => FakeJson.Ok(Paging.Page(c, p.ReviewComments).Select(x => new
        {
            id = x.Id,
            body = x.Body,
            user = FakeJson.User(x.Author),
            path = x.Path,
            position = x.Position,
            html_url = $"https://github.com/{r.FullName}/pull/{p.Number}#discussion_r{x.Id}",
            created_at = x.CreatedAt,
            updated_at = x.UpdatedAt,
        }))));
        app.MapPost(PullPath + "/requested_reviewers", (HttpContext c) => WithPull(c, (r, p) =>
        {
            var reviewers = Strings(Body(c), "reviewers");
            if (reviewers.Any(x => string.Equals(x, p.Author, StringComparison.OrdinalIgnoreCase)))
            {
                return FakeJson.Error(422, "Review cannot be requested from pull request author.");
            }

            if (reviewers.Any(x => !r.Collaborators.ContainsKey(x) && State.TryOrg(r.Owner)?.Members.Contains(x) != true))
            {
                return FakeJson.Error(422, $"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {r.FullName} repository.");
            }

            var teams = Strings(Body(c), "team_reviewers");
            if (teams.Any(t => State.TryOrg(r.Owner)?.Teams.ContainsKey(t) != true))
            {
                return FakeJson.Error(422, $"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {r.FullName} repository.");
            }

            p.RequestedReviewers.AddRange(reviewers.Where(x => !p.RequestedReviewers.Contains(x)));
            p.RequestedTeams.AddRange(teams.Where(x => !p.RequestedTeams.Contains(x)));
            return FakeJson.Ok(FakeJson.Pull(r, p), 201);
        }));
        app.MapDelete(PullPath + "/requested_reviewers", (HttpContext c) => WithPull(c, (r, p) =>
        {
            p.RequestedReviewers.RemoveAll(Strings(Body(c), "reviewers").Contains);
            var teams = Strings(Body(c), "team_reviewers");
            p.RequestedTeams.RemoveAll(t => teams.Contains(t, StringComparer.OrdinalIgnoreCase));
            return FakeJson.Ok(FakeJson.Pull(r, p));
        }));
        app.MapPut(PullPath + "/merge", (HttpContext c) => WithPull(c, (r, p) => Merge(c, r, p)));
    }

    private IResult WithPull(HttpContext context, Func<FakeRepo, FakeIssue, IResult> action) => WithIssue(context, action, pullRequestOnly: true);

    private static IResult Merge(HttpContext context, FakeRepo repo, FakeIssue pr)
    {
        if (pr.MergeFailure is { } failure)
        {
            pr.MergeFailure = null; // one-shot, like a transient refusal
            return FakeJson.Error(failure.Status, failure.Message);
        }

        var body = Body(context);
        var guard = String(body, "sha");
        if (pr.Merged || pr.Mergeable == false)
        {
            return FakeJson.Error(405, "Pull Request is not mergeable");
        }

        if (guard is not null && guard != pr.HeadSha)
        {
            return FakeJson.Error(409, "Head branch was modified. Review and try the merge again.");
        }

        var method = String(body, "merge_method") ?? "merge";
        var mergeSha = repo.MergeCommit?.Invoke(pr, method) ?? FakeJson.Sha($"{repo.FullName}#{pr.Number}:{pr.HeadSha}:{method}");
        repo.Merges.Add(new FakeMerge(pr.Number, method, String(body, "commit_title"), String(body, "commit_message"), guard, mergeSha));
        pr.Merged = true;
        pr.State = "closed";
        pr.MergeCommitSha = mergeSha;
        repo.Branches[pr.BaseRef] = mergeSha;
        return FakeJson.Ok(new { sha = mergeSha, merged = true, message = "Pull Request successfully merged" });
    }
}
