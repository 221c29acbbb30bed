using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Prow.Gateway;

/// <summary>
/// The webhook secrets from <c>--hmac-secret-file</c>, in Prow's two formats: the whole file is one secret, or a
/// YAML mapping of <c>org/repo</c>, <c>org</c> or <c>*</c> to a list of <c>{value, created_at}</c> tokens
/// (several at once while a secret is being rotated). The most specific scope that has tokens decides.
/// </summary>
public sealed class HmacSecrets
{
    private const string Global = "*";
    private readonly Dictionary<string, byte[][]> _tokensByScope;

    private HmacSecrets(Dictionary<string, byte[][]> tokensByScope) => _tokensByScope = tokensByScope;

    /// <summary>Whether any secret belongs to an org or a repo, so the payload must be read to pick one.</summary>
    public bool IsScoped => _tokensByScope.Keys.Any(scope => scope != Global);

    public static HmacSecrets FromSingleSecret(string secret) => new(new(StringComparer.OrdinalIgnoreCase) { [Global] = [Encoding.UTF8.GetBytes(secret)] });

    /// <summary>Reads the file; throws <see cref="FormatException"/> naming the file when it holds no usable secret.</summary>
    public static HmacSecrets Load(string path)
    {
        var text = File.ReadAllText(path);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"{path}: the HMAC secret file is empty");
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return FromSingleSecret(text.Trim());
        }

        if (yaml.Documents is not [{ RootNode: YamlMappingNode mapping }])
        {
            return FromSingleSecret(text.Trim());
        }

        var scopes = new Dictionary<string, byte[][]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in mapping.Children)
        {
            var scope = ((YamlScalarNode)key).Value ?? "";
            if (value is not YamlSequenceNode tokens)
            {
                throw new FormatException($"{path}:{value.Start.Line}: {scope}: expected a list of {{value, created_at}} tokens");
            }

            scopes[scope] = [.. tokens.Children.Select(t => t is YamlMappingNode token && token.Children.TryGetValue(new YamlScalarNode("value"), out var v) && v is YamlScalarNode { Value: { Length: > 0 } secret }
                ? Encoding.UTF8.GetBytes(secret)
                : throw new FormatException($"{path}:{t.Start.Line}: {scope}: a token needs a non-empty value"))];
        }

        return new HmacSecrets(scopes);
    }

    /// <summary>True when <paramref name="signatureHeader"/> (<c>sha256=hex</c>) signs <paramref name="body"/> with a token for the scope.</summary>
    public bool IsValid(ReadOnlySpan<byte> body, string? signatureHeader, string? repositoryFullName, string? organization)
    {
        if (ExpectedDigest(signatureHeader) is not { } expected)
        {
            return false;
        }

        foreach (var token in TokensFor(repositoryFullName, organization))
        {
            if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(token, body), expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The token a sender signs with for this scope (the last listed, the newest while a secret is rotated), or null
    /// when none applies.
    /// </summary>
    public byte[]? SigningToken(string? repositoryFullName, string? organization) =>
        TokensFor(repositoryFullName, organization) is [.., var newest] ? newest : null;

    /// <summary>The same check over a body held in pieces, hashed piece by piece.</summary>
    public bool IsValid(IEnumerable<ReadOnlyMemory<byte>> body, string? signatureHeader, string? repositoryFullName, string? organization)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (ExpectedDigest(signatureHeader) is not { } expected)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var token in TokensFor(repositoryFullName, organization))
        {
            using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, token);
            foreach (var piece in body)
            {
                hmac.AppendData(piece.Span);
            }

            hmac.GetHashAndReset(actual);
            if (CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[]? ExpectedDigest(string? signatureHeader)
    {
        const string Prefix = "sha256=";
        if (signatureHeader is null || !signatureHeader.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(signatureHeader.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private byte[][] TokensFor(string? repositoryFullName, string? organization)
    {
        if (repositoryFullName is not null && _tokensByScope.TryGetValue(repositoryFullName, out var repoTokens))
        {
            return repoTokens;
        }

        var org = organization ?? repositoryFullName?.Split('/')[0];
        if (org is not null && _tokensByScope.TryGetValue(org, out var orgTokens))
        {
            return orgTokens;
        }

        return _tokensByScope.GetValueOrDefault(Global) ?? [];
    }
}
