using Prow.Services.JobIndex;
using Prow.Web.Jobs;

namespace Prow.Web.Tests;

public sealed class JobFilterTests
{
    [Fact]
    public void Url_LeavesOutEmptyFilters_AndEscapesValues()
    {
        var filter = new JobFilter(Type: "", Repo: "acme/widgets", Author: " alice ", Job: null, State: "failure", Pull: "");

        Assert.Equal("/?repo=acme%2Fwidgets&author=alice&state=failure", filter.Url());
        Assert.Equal("/?repo=acme%2Fwidgets&author=alice&state=failure&after=5-job%201", filter.Url(new ProwJobCursor(5, "job 1")));
        Assert.Equal("/", new JobFilter(null, null, null, null, null, null).Url());
    }

    [Fact]
    public void Query_TrimsAndParses_PullNumbersWithOrWithoutHash()
    {
        var query = new JobFilter(null, " acme/widgets ", null, null, null, "#42").Query(null);

        Assert.Equal(("acme/widgets", 42, JobFilter.PageSize), (query.Repo, query.Pull, query.Limit));
        Assert.Null(new JobFilter(null, null, null, null, null, "forty").Query(null).Pull);
        Assert.True(new JobFilter("", " ", null, null, null, null).IsEmpty);
    }

    [Theory]
    [InlineData("638000000000000000-abc", 638000000000000000L, "abc")]
    [InlineData("1-id-with-dashes", 1L, "id-with-dashes")]
    public void Cursor_RoundTripsThroughItsUrlForm(string text, long ticks, string id)
    {
        var cursor = ProwJobCursor.Parse(text);

        Assert.Equal(new ProwJobCursor(ticks, id), cursor);
        Assert.Equal(text, cursor!.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-abc")]
    [InlineData("12-")]
    public void Cursor_Garbage_IsNoCursor(string? text) => Assert.Null(ProwJobCursor.Parse(text));
}
