using System.Security.Cryptography;
using System.Text;

namespace Prow.Silo.Admin;

/// <summary>The admin API's bearer token, from <c>--admin-token-file</c>; without one the admin API is closed.</summary>
public sealed class AdminToken(string? token)
{
    public bool Configured => token is { Length: > 0 };

    public bool Matches(string? presented) =>
        Configured && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token!));
}
