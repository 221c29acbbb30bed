namespace Prow.Clients.GitHub;

/// <summary>Reads RFC 8288 Link headers as GitHub sends them for pagination.</summary>
internal static class LinkHeader
{
    public static Uri? Next(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        foreach (var part in header.Split(','))
        {
            var pieces = part.Split(';');
            if (pieces.Length < 2 || !pieces.Skip(1).Any(p => p.Trim() is "rel=\"next\"" or "rel=next"))
            {
                continue;
            }

            var target = pieces[0].Trim().TrimStart('<').TrimEnd('>');
            return Uri.TryCreate(target, UriKind.Absolute, out var uri) ? uri : null;
        }

        return null;
    }
}
