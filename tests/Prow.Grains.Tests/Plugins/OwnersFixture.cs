using Prow.Config;
using Prow.Config.Owners;

namespace Prow.Grains.Tests.Plugins;

/// <summary>A small repository's OWNERS, shared by the approve and blunderbuss tests.</summary>
internal static class OwnersFixture
{
    public static RepoOwners Build(Dictionary<string, string> files)
    {
        var sink = new ProblemSink(strict: false);
        var owners = RepoOwners.Parse(files, sink);
        Assert.Empty(sink.Problems);
        return owners;
    }

    /// <summary>root: root-a; pkg: pkg-a, pkg-b; pkg/sub: sub-a; pkg/secret (no parent): sec-a; docs: doc-a; tools: auto-approves subfolders.</summary>
    public static RepoOwners Repo() => Build(new()
    {
        ["OWNERS_ALIASES"] = "aliases:\n  pkg-team: [pkg-a, Pkg-B]\n",
        ["OWNERS"] = "approvers: [root-a]\nreviewers: [root-r]\n",
        ["pkg/OWNERS"] = "approvers: [pkg-team]\nreviewers: [pkg-r1, pkg-r2, pkg-a]\nrequired_reviewers: [security]\n",
        ["pkg/sub/OWNERS"] = "approvers: [sub-a]\nreviewers: [sub-r]\n",
        ["pkg/secret/OWNERS"] = "options:\n  no_parent_owners: true\napprovers: [sec-a]\nreviewers: [sec-r]\n",
        ["docs/OWNERS"] = "approvers: [doc-a]\nreviewers: [doc-r]\n",
        ["tools/OWNERS"] = "options:\n  auto_approve_unowned_subfolders: true\napprovers: [tool-a]\n",
    });
}
