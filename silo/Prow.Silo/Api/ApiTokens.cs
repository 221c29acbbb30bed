using System.Security.Cryptography;
using System.Text;

namespace Prow.Silo.Api;

/// <summary>
/// The jobs API's bearer tokens, from <c>--api-token-file</c>: one token per line, as <c>IDENTITY:TOKEN</c> (the identity
/// is what the log names as the caller) or a bare token (named by its fingerprint, <c>sha256:</c> and 8 hex digits, never
/// by the token). Blank lines and lines starting with <c>#</c> are skipped. Without the file the API refuses everyone.
/// </summary>
public sealed class ApiTokens
{
    private readonly (byte[] Hash, string Identity)[] _tokens;

    private ApiTokens((byte[] Hash, string Identity)[] tokens) => _tokens = tokens;

    public static ApiTokens None { get; } = new([]);

    public bool Configured => _tokens.Length > 0;

    /// <summary>Reads the file; a <see cref="FormatException"/> names the line that holds no token.</summary>
    public static ApiTokens Load(string path)
    {
        var tokens = new List<(byte[], string)>();
        var lineNumber = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (identity, token) = Split(line);
            if (token.Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: no token after '{identity}:'");
            }

            tokens.Add((Hash(token), identity ?? Fingerprint(token)));
        }

        return tokens.Count == 0 ? throw new FormatException($"{path}: holds no token") : new ApiTokens([.. tokens]);
    }

    /// <summary>The token a client sends from such a file: its first token line's token.</summary>
    public static string ClientToken(string path)
    {
        var line = File.ReadAllLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'))
            ?? throw new FormatException($"{path}: holds no token");
        return Split(line).Token;
    }

    /// <summary>Who holds <paramref name="presented"/>; null when it is no token of the file.</summary>
    public string? Identify(string? presented)
    {
        if (presented is not { Length: > 0 })
        {
            return null;
        }

        var hash = Hash(presented);
        string? found = null;
        foreach (var (known, identity) in _tokens)
        {
            // Every token is compared, in constant time, so the time taken says nothing about which one nearly matched.
            if (CryptographicOperations.FixedTimeEquals(hash, known))
            {
                found ??= identity;
            }
        }

        return found;
    }

    private static (string? Identity, string Token) Split(string line) =>
        line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? (line[..colon].Trim(), line[(colon + 1)..].Trim()) : (null, line);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Fingerprint(string token) => "sha256:" + Convert.ToHexStringLower(Hash(token))[..8];
}
