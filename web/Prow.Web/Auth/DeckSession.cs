using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Prow.Web.Auth;

/// <summary>
/// Who is looking at the site: the GitHub login after OAuth, and whether the admin token was given. Both are kept in
/// cookies sealed with ASP.NET data protection, so they cannot be forged or read by the browser.
/// </summary>
public sealed class DeckSession(IDataProtectionProvider protection, DeckOptions options)
{
    private const string UserCookie = "prow-user";
    private const string AdminCookie = "prow-admin";
    private readonly IDataProtector _protector = protection.CreateProtector("Prow.Web.DeckSession");

    public string? GitHubLogin(HttpContext context) => Unprotect(context, UserCookie);

    public void SignIn(HttpContext context, string login) => Write(context, UserCookie, login);

    public static void SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(UserCookie);
    }

    public bool IsAdmin(HttpContext context) => options.AdminTokenMatches?.Invoke(Unprotect(context, AdminCookie)) == true;

    /// <summary>Keeps the admin token for this browser when it is the right one; false when it is not.</summary>
    public bool AdminSignIn(HttpContext context, string? token)
    {
        if (options.AdminTokenMatches?.Invoke(token) != true)
        {
            return false;
        }

        Write(context, AdminCookie, token!);
        return true;
    }

    private void Write(HttpContext context, string name, string value) =>
        context.Response.Cookies.Append(name, _protector.Protect(value), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = options.IsServedOverHttps(context),
            IsEssential = true,
            Path = "/",
        });

    private string? Unprotect(HttpContext context, string name)
    {
        if (!context.Request.Cookies.TryGetValue(name, out var sealedValue))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(sealedValue);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
