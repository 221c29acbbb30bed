using System.Net;
using System.Net.Http.Headers;
using Prow.GrainInterfaces;
using Prow.Silo.Cli;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary><c>--storage memory:</c>: Orleans' memory grain storage and reminders, the inbox and job index in memory.</summary>
public sealed class MemoryStorageTests
{
    [Fact]
    public async Task MemoryStorage_HandlesWebhooks_AndSaysItsStateCannotBeListed()
    {
        using var folder = new TempFolder();
        await using var prow = await InProcessProw.StartAsync(folder.Path, o => o with { Storage = new StorageLocation(StorageKind.Memory, null) });

        Assert.Equal(HttpStatusCode.OK, (await prow.Client.SendAsync(Webhooks.Request("issue_comment", "mem-1", Webhooks.IssueComment("org/memory", 1, "hello")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await prow.Client.SendAsync(Webhooks.Request("issue_comment", "mem-1", Webhooks.IssueComment("org/memory", 1, "hello")))).StatusCode);

        var repository = prow.Grains.GetGrain<IRepositoryGrain>("org/memory");
        await Poll.UntilAsync(async () => (await repository.GetSummaryAsync()).Deliveries == 1);
        Assert.False(File.Exists(Path.Combine(folder.Path, "prow.db")), "memory storage writes no database");

        using var list = new HttpRequestMessage(HttpMethod.Get, "/admin/api/grains/repository");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "admin-secret");
        Assert.Equal("[]", await (await prow.Client.SendAsync(list)).Content.ReadAsStringAsync());
        Assert.Equal(1, (await repository.GetSummaryAsync()).Deliveries);
    }
}
