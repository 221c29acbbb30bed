using Prow.Services.JobIndex;

namespace Prow.Web.Tests;

public sealed class MemoryProwJobIndexTests : JobIndexContract
{
    protected override Task<IProwJobIndex> CreateAsync() => Task.FromResult<IProwJobIndex>(new MemoryProwJobIndex());
}
