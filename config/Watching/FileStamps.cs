using System.Globalization;
using System.Text;

namespace Prow.Config.Watching;

/// <summary>A cheap summary (path, size, write time) of every input file, for the polling fallback.</summary>
internal static class FileStamps
{
    public static string Compute(ConfigPaths paths)
    {
        var sb = new StringBuilder();
        foreach (var file in Files(paths))
        {
            var info = new FileInfo(file);
            sb.Append(file).Append('|');
            if (info.Exists)
            {
                sb.Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                  .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Files(ConfigPaths paths)
    {
        if (paths.ConfigPath is { } c)
        {
            yield return c;
        }

        foreach (var f in ConfigLoader.JobFiles(paths.JobConfigPath, new ProblemSink(false)))
        {
            yield return f;
        }

        if (paths.PluginConfigPath is { } p)
        {
            yield return p;
        }
    }
}
