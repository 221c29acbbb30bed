using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Prow.Clients.GitHub;

/// <summary>
/// The JWT a GitHub App signs to act as itself: RS256, <c>iat</c> 60 s in the past (GitHub's
/// advice against clock drift), <c>exp</c> under GitHub's 10-minute ceiling, <c>iss</c> the App id.
/// </summary>
internal static class AppJwt
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    public static string Create(string appId, RSA key, DateTimeOffset now)
    {
        var issued = (now - Backdate).ToUnixTimeSeconds();
        var expires = (now + Lifetime).ToUnixTimeSeconds();
        var header = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $$"""{"iat":{{issued}},"exp":{{expires}},"iss":"{{JsonEncodedText.Encode(appId)}}"}""")));
        var signingInput = header + "." + payload;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
