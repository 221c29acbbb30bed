using System.CommandLine;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Prow.Gateway;

namespace Prow.Silo.Cli;

/// <summary>
/// <c>prow phony</c>: sends one webhook as GitHub would, signed, from a payload file, as Prow's <c>phony</c> does
/// (same flags, same "Hook sent." and same error for a non-200 answer).
/// </summary>
internal static class PhonyCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var address = new Option<string>("--address") { Description = "Where to send the fake hook.", DefaultValueFactory = _ => "http://127.0.0.1:8080/hook" };
        address.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? "";
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--address: '{value}' is not an http(s) URL");
            }
        });
        var hmacSecretFile = new Option<string?>("--hmac-secret-file") { Description = "The webhook secret prow checks (one token, or Prow's YAML of org/repo, org or * to tokens: the payload's repository picks one)." };
        var hmac = new Option<string?>("--hmac") { Description = "The HMAC token itself, as Prow's phony takes it (default abcde12345 when no --hmac-secret-file)." };
        var eventName = new Option<string>("--event") { Description = "Type of event to send, such as pull_request.", DefaultValueFactory = _ => "ping" };
        var payload = new Option<string?>("--payload") { Description = "File to send as payload. If unspecified, sends \"{}\"." };
        var delivery = new Option<string?>("--delivery") { Description = "The X-GitHub-Delivery id (default: a new GUID each time, since prow handles each delivery id once)." };
        var command = new Command("phony", "Send a fake GitHub webhook, signed with the HMAC secret, from a payload file (Prow's phony).");
        foreach (var option in (Option[])[address, hmacSecretFile, hmac, eventName, payload, delivery])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            byte[] body;
            try
            {
                body = parse.GetValue(payload) is { } file ? await File.ReadAllBytesAsync(file, cancellationToken) : "{}"u8.ToArray();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"prow phony: could not read the payload file: {ex.Message}");
                return 1;
            }

            byte[] key;
            try
            {
                key = SigningKey(parse.GetValue(hmacSecretFile), parse.GetValue(hmac), body);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                await stderr.WriteLineAsync($"prow phony: {ex.Message}");
                return 1;
            }

            return await SendAsync(new Uri(parse.GetValue(address)!), parse.GetValue(eventName)!, parse.GetValue(delivery) ?? Guid.NewGuid().ToString(), body, key, stdout, stderr, cancellationToken);
        });
        return command;
    }

    private static async Task<int> SendAsync(Uri address, string eventName, string delivery, byte[] body, byte[] key, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
            if ((int)response.StatusCode != 200)
            {
                await stderr.WriteLineAsync($"prow phony: response from hook has status {(int)response.StatusCode} and body {text}");
                return 1;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"prow phony: could not send the hook to {address}: {ex.Message}");
            return 1;
        }

        await stdout.WriteLineAsync($"Hook sent. ({eventName}, delivery {delivery})");
        return 0;
    }

    private static byte[] SigningKey(string? secretFile, string? token, byte[] body)
    {
        if (secretFile is null)
        {
            return Encoding.UTF8.GetBytes(token ?? "abcde12345");
        }

        var (repository, organization) = Scope(body);
        return HmacSecrets.Load(secretFile).SigningToken(repository, organization)
            ?? throw new FormatException($"{secretFile}: no token applies to {repository ?? organization ?? "this payload"}");
    }

    /// <summary>The payload's repository and organization, which pick the token when the secret file is scoped.</summary>
    private static (string? Repository, string? Organization) Scope(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? Read(string parent, string field) =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(parent, out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Read("repository", "full_name"), Read("organization", "login"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
