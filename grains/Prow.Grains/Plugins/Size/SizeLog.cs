using Microsoft.Extensions.Logging;

namespace Prow.Grains.Plugins.Size;

internal static partial class SizeLog
{
    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Ignoring the malformed .generated_files of {Repo}; every file counts")]
    public static partial void MalformedGeneratedFiles(ILogger logger, Exception exception, string repo);
}
