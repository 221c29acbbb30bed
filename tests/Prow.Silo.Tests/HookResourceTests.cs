using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Prow.Gateway;
using Prow.TestKit;

namespace Prow.Silo.Tests;

/// <summary>
/// What a probe of <c>/hook</c> tried on its resources: a post that cannot be valid is refused before its body is read,
/// a body the sender never finishes is answered and counted like any other bad request, and only a budget's worth of
/// bodies is read at once (here 1 MB, so two 600 KB posts cannot be read together).
/// </summary>
public sealed class HookResourceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private InProcessProw _prow = null!;

    private const long Budget = 1_000_000;

    public async Task InitializeAsync() => _prow = await InProcessProw.StartAsync(_folder.Path, o => o with { HookBodyMemory = Budget });

    public async Task DisposeAsync()
    {
        await _prow.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("sha1=0123")]
    [InlineData("sha256=not-hex")]
    [InlineData("sha256=abcd")]
    public async Task MalformedSignature_RefusedBeforeTheBodyIsSent(string signature)
    {
        using var socket = await ConnectAsync();
        // 25 MB announced, not one byte of it sent: the answer can only come from the headers.
        await SendAsync(socket, Headers(signature, 25 * 1024 * 1024));

        var response = await ReadResponseAsync(socket);

        Assert.StartsWith("HTTP/1.1 401", response, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized: Invalid X-Hub-Signature-256", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyCutShortByTheSender_IsA400_CountedWithTheOtherResponses()
    {
        using (var socket = await ConnectAsync())
        {
            await SendAsync(socket, Headers("sha256=" + new string('a', 64), 1000) + "{\"action\":");
            socket.Shutdown(SocketShutdown.Send);
            await ReadResponseAsync(socket);
        }

        await Poll.UntilAsync(async () => (await _prow.Client.GetStringAsync("/metrics")).Contains("prow_webhook_responses_total{code=\"400\"} 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BodiesOverTheBudget_WaitUnread_UntilRoomIsFree_ThenAreCheckedAndRefused()
    {
        var budget = _prow.Services.GetRequiredService<WebhookBodyBudget>();
        var wrong = "sha256=" + new string('a', 64);
        const int Size = 600_000;

        // The first post's body is being read (one byte of it sent); the second's is sent whole but does not fit beside it.
        using var first = await ConnectAsync();
        await SendAsync(first, Headers(wrong, Size) + "{");
        await Poll.UntilAsync(() => budget.InUse == Size);
        using var second = await ConnectAsync();
        await SendAsync(second, Headers(wrong, Size) + "{" + new string(' ', Size - 1));
        await Poll.UntilAsync(() => budget.Waiting == 1);
        Assert.Equal(Size, budget.InUse);

        // The first finishes: it is refused, its room goes to the second, which is read and refused in turn.
        await SendAsync(first, new string(' ', Size - 1));
        Assert.StartsWith("HTTP/1.1 401", await ReadResponseAsync(first), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 401", await ReadResponseAsync(second), StringComparison.Ordinal);
        await Poll.UntilAsync(() => budget.InUse == 0 && budget.Waiting == 0);
    }

    [Fact]
    public async Task WronglySigned25MB_IsRefused_AndGivesItsRoomBack()
    {
        var budget = _prow.Services.GetRequiredService<WebhookBodyBudget>();
        using var socket = await ConnectAsync();
        await SendAsync(socket, Headers("sha256=" + new string('b', 64), HookEndpoint.MaxPayloadBytes));
        await socket.SendAsync(new byte[HookEndpoint.MaxPayloadBytes]);

        Assert.StartsWith("HTTP/1.1 401", await ReadResponseAsync(socket), StringComparison.Ordinal);
        await Poll.UntilAsync(() => budget.InUse == 0);
    }

    private static string Headers(string signature, long contentLength) =>
        "POST /hook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-GitHub-Event: issue_comment\r\n"
        + $"X-GitHub-Delivery: {Guid.NewGuid()}\r\nX-Hub-Signature-256: {signature}\r\nContent-Length: {contentLength}\r\n\r\n";

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var address = _prow.Client.BaseAddress!;
        await socket.ConnectAsync(address.Host, address.Port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>The response's head and whatever body came with it, up to the server closing or a minute passing.</summary>
    private static async Task<string> ReadResponseAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) || !HasWholeBody(text.ToString()))
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

    private static bool HasWholeBody(string response)
    {
        var head = response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var line = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return line is null || response.Length - head.Length - 4 >= int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
