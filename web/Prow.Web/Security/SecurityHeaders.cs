using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Prow.Web.Endpoints;

namespace Prow.Web.Security;

/// <summary>
/// Headers every response carries, whatever produced it (deck, the hook, <c>/prowjob</c>, errors): no content-type
/// sniffing, no framing, and a Content-Security-Policy that lets a page load only this site's own scripts and styles.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Deck's pages: scripts and styles come from <c>/static/</c> only; no inline script runs.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Orleans' dashboard (behind the admin token) is a page of its own whose scripts and styles are inline.</summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OrleansDashboardEndpoint.Prefix, StringComparison.Ordinal)
                ? DashboardContentSecurityPolicy
                : ContentSecurityPolicy;
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
}
