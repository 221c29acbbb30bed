using System.Text;

namespace Prow.Grains.Plugins.Welcome;

/// <summary>
/// What a welcome template sees, by Prow's field names (its PRInfo). Prow renders the template with Go's
/// html/template, which escapes what it inserts as HTML; the values here are escaped the same way, so a name such as
/// <c>O'Brien &lt;dev&gt;</c> reads as Prow writes it.
/// </summary>
public sealed record WelcomeMessage(string Org, string Repo, string AuthorLogin, string AuthorName)
{
    public static WelcomeMessage Escaped(string org, string repo, string authorLogin, string authorName) =>
        new(Html(org), Html(repo), Html(authorLogin), Html(authorName));

    // html/template's escaping of text: these characters, and NUL as U+FFFD.
    private static string Html(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            result.Append(c switch
            {
                '\0' => "\uFFFD",
                '"' => "&#34;",
                '&' => "&amp;",
                '\'' => "&#39;",
                '+' => "&#43;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}
