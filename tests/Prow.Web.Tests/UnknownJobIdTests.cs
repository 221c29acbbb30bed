using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans;
using Orleans.Runtime;
using Prow.GrainInterfaces.ProwJobs;

namespace Prow.Web.Tests;

/// <summary>
/// What a probe sent to every page that takes a job id: made-up ids are answered 404 from the job index, and no
/// ProwJob grain is activated for them (an activation per id was memory held for 15 minutes per request). The job
/// page's 404 is the site's not-found page, saying which job was looked for.
/// </summary>
[Collection(SharedDeck.Name)]
public sealed class UnknownJobIdTests(DeckHost host)
{
    [Theory]
    [InlineData("GET", "/artifact?prowjob={0}&name=build-log.txt", "no such ProwJob")]
    [InlineData("GET", "/view/{0}", "There is no ProwJob {0} (it may have been cleaned up).")]
    [InlineData("GET", "/prowjob?prowjob={0}", "no such ProwJob")]
    [InlineData("POST", "/rerun?prowjob={0}", "There is no ProwJob '{0}'.")]
    [InlineData("POST", "/abort?prowjob={0}", "There is no ProwJob '{0}'.")]
    public async Task UnknownId_Is404_AndActivatesNoGrain(string method, string url, string message)
    {
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid().ToString()).ToList();

        foreach (var id in ids)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), string.Format(System.Globalization.CultureInfo.InvariantCulture, url, id));
            if (method == "POST")
            {
                request.Content = new FormUrlEncodedContent([]);
            }

            using var response = await host.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, id), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var active = await ActiveJobGrainKeysAsync();
        Assert.All(ids, id => Assert.DoesNotContain(id, active));
    }

    [Fact]
    public async Task KnownId_IsStillServed()
    {
        var job = await host.CreateJobAsync("known-id-job", pull: 71);

        using var response = await host.Http.GetAsync($"/prowjob?prowjob={job.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("known-id-job", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_WithoutPermission_IsRefusedBeforeTheFormIsSent()
    {
        var job = await host.CreateJobAsync("rerun-unread-form", pull: 72);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);

        // A form announced and never sent: the answer can only come from the URL and the (absent) login.
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"POST /rerun?prowjob={job.Id} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n"));

        var response = await ReadHeadAsync(socket);
        Assert.StartsWith("HTTP/1.1 403", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_WithALargeForm_IsRefusedUnread()
    {
        var job = await host.CreateJobAsync("rerun-large-form", pull: 73);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);

        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"POST /rerun?prowjob={job.Id} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\n"));

        var response = await ReadHeadAsync(socket);
        Assert.StartsWith("HTTP/1.1 413", response, StringComparison.Ordinal);
    }

    private async Task<HashSet<string>> ActiveJobGrainKeysAsync()
    {
        var type = host.Grains.GetGrain<IProwJobGrain>("any").GetGrainId().Type;
        var active = await host.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type);
        return [.. active.Select(g => g.Key.ToString()!)];
    }

    private static async Task<string> ReadHeadAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
