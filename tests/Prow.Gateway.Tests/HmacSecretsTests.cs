using System.Security.Cryptography;
using System.Text;

namespace Prow.Gateway.Tests;

public sealed class HmacSecretsTests : IDisposable
{
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("""{"repository":{"full_name":"org/repo"}}""");
    private readonly string _folder = Directory.CreateTempSubdirectory("prow-hmac-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SingleSecretFile_ValidatesItsSignatureOnly()
    {
        var secrets = HmacSecrets.Load(Write("plain", "s3cret\n"));

        Assert.True(secrets.IsValid(s_body, Sign("s3cret"), "org/repo", null));
        Assert.False(secrets.IsValid(s_body, Sign("other"), "org/repo", null));
    }

    [Fact]
    public void YamlTokens_MostSpecificScopeDecides_AndRotationAcceptsBothTokens()
    {
        var secrets = HmacSecrets.Load(Write("scoped", """
            '*':
              - value: global-token
                created_at: 2020-01-01T00:00:00Z
            org:
              - value: org-old
                created_at: 2020-01-01T00:00:00Z
              - value: org-new
                created_at: 2021-01-01T00:00:00Z
            org/special:
              - value: repo-token
                created_at: 2021-01-01T00:00:00Z
            """));

        Assert.True(secrets.IsValid(s_body, Sign("org-old"), "org/repo", "org"));
        Assert.True(secrets.IsValid(s_body, Sign("org-new"), "org/repo", "org"));
        Assert.False(secrets.IsValid(s_body, Sign("global-token"), "org/repo", "org"));
        Assert.True(secrets.IsValid(s_body, Sign("repo-token"), "org/special", "org"));
        Assert.False(secrets.IsValid(s_body, Sign("org-new"), "org/special", "org"));
        Assert.True(secrets.IsValid(s_body, Sign("global-token"), "elsewhere/repo", null));
    }

    [Theory]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=not-hex")]
    [InlineData("")]
    public void MalformedSignatureHeader_IsInvalid(string header)
    {
        Assert.False(HmacSecrets.FromSingleSecret("s3cret").IsValid(s_body, header, null, null));
    }

    [Fact]
    public void EmptyFile_IsRefusedNamingIt()
    {
        var path = Write("empty", "  \n");

        var error = Assert.Throws<FormatException>(() => HmacSecrets.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenWithoutValue_IsRefusedWithLine()
    {
        var path = Write("novalue", "org:\n  - created_at: 2020-01-01T00:00:00Z\n");

        var error = Assert.Throws<FormatException>(() => HmacSecrets.Load(path));
        Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
    }

    private static string Sign(string secret) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), s_body));

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
