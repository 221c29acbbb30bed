using Prow.Clients.Slack;

namespace Prow.Silo.Hosting;

/// <summary>Slack reporting from <c>--slack-token-file</c>: a token file that cannot be read or is empty stops the start.</summary>
internal static class SlackSetup
{
    public static SlackClientOptions? Create(ProwOptions options)
    {
        if (options.SlackTokenFile is not { } file)
        {
            return options.SlackEndpoint is null ? null : throw new StartupException("--slack-endpoint is only used with --slack-token-file");
        }

        string token;
        try
        {
            token = File.ReadAllText(file).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"--slack-token-file: {ex.Message}", ex);
        }

        return token.Length > 0
            ? new SlackClientOptions(Path.GetFullPath(file), options.SlackEndpoint ?? SlackClientOptions.DefaultEndpoint)
            : throw new StartupException($"--slack-token-file: {file} is empty");
    }
}
