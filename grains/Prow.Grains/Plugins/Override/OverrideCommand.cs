namespace Prow.Grains.Plugins.Override;

/// <summary>Reads the contexts named after <c>/override</c>: separated by spaces, a context with spaces in double quotes.</summary>
public static class OverrideCommand
{
    public static IReadOnlyList<string> Contexts(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var contexts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return contexts;

        void Flush()
        {
            var context = current.ToString().Trim();
            if (context.Length > 0)
            {
                contexts.Add(context);
            }

            current.Clear();
        }
    }
}
