using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Prow.Web.Components;

/// <summary>
/// Ends a server-rendered page as a 404 showing the not-found page with a message of what was looked for: Blazor's
/// <see cref="NavigationManager.NotFound"/> renders the router's NotFoundPage in place of the page.
/// </summary>
public static class NotFoundMessage
{
    public const string Key = "prow.not-found-message";

    public static void Show(NavigationManager navigation, HttpContext? context, string message)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (context is not null)
        {
            context.Items[Key] = message;
        }

        navigation.NotFound();
    }
}
