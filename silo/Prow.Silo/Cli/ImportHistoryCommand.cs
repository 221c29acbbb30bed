using System.CommandLine;
using System.Globalization;
using Prow.Services.History;
using Prow.Silo.Hosting;
using Prow.Storage.Sqlite;

namespace Prow.Silo.Cli;

/// <summary>
/// <c>prow import-history --artifacts gs://bucket/prefix [--since DATE]</c>: the runs an existing Prow left in its
/// bucket go into the job index of <c>--storage</c>, so the status site lists them, with their logs, after the switch.
/// </summary>
internal static class ImportHistoryCommand
{
    public static Command Build(Option<string> storage, Option<string?> gcsCredentialsFile, Option<string?> gcsEndpoint, Option<string?> s3CredentialsFile, TextWriter stdout, TextWriter stderr)
    {
        var artifacts = new Option<string>("--artifacts") { Description = "Where the other Prow's artifacts are: gs://bucket/prefix, s3://bucket/prefix or a folder.", Required = true };
        var since = new Option<string?>("--since") { Description = "Only runs started at or after this time (UTC unless it says otherwise), e.g. 2026-11-01 or 2026-11-01T12:00:00Z." };
        since.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !TryParseSince(value, out _))
            {
                result.AddError($"--since: '{value}' is not a date or date and time (2026-11-01, 2026-11-01T12:00:00Z)");
            }
        });
        var command = new Command("import-history", "Read the runs another Prow left in its bucket (prowjob.json, started.json, finished.json) into the job index, so job history and links survive the switch.");
        foreach (var option in (Option[])[artifacts, since, storage, gcsCredentialsFile, gcsEndpoint, s3CredentialsFile])
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var location = StorageLocation.TryParse(parse.GetValue(storage)!, out var parsed, out _) ? parsed : StorageLocation.Default;
            var options = new ProwOptions
            {
                Artifacts = parse.GetValue(artifacts)!,
                Storage = location,
                GcsCredentialsFile = parse.GetValue(gcsCredentialsFile),
                GcsEndpoint = parse.GetValue(gcsEndpoint) is { } endpoint ? new Uri(endpoint) : null,
                S3CredentialsFile = parse.GetValue(s3CredentialsFile),
            };
            var from = parse.GetValue(since) is { } text && TryParseSince(text, out var at) ? at : (DateTimeOffset?)null;
            return await RunAsync(options, from, stdout, stderr, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ProwOptions options, DateTimeOffset? since, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.Storage.Kind != StorageKind.Sqlite)
        {
            await stderr.WriteLineAsync("prow: import-history writes the job index of a --storage sqlite:PATH; memory: would forget it at exit");
            return 1;
        }

        Services.Artifacts.IArtifactStore store;
        try
        {
            store = ArtifactStoreSetup.From(options) ?? new Services.Artifacts.LocalArtifactStore(options.Artifacts);
        }
        catch (StartupException ex)
        {
            await stderr.WriteLineAsync($"prow: {ex.Message}");
            return 1;
        }

        SqliteDatabase database;
        try
        {
            database = SqliteDatabase.Open(options.Storage.Path!);
        }
        catch (SqliteStorageException ex)
        {
            await stderr.WriteLineAsync($"prow: {ex.Message}");
            return 1;
        }

        await using (database)
        {
            var index = await SqliteProwJobIndex.OpenAsync(database);
            HistoryImportResult result;
            try
            {
                result = await new HistoryImporter(store, index).ImportAsync(since, line => stdout.WriteLine(line), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or Google.GoogleApiException or Amazon.S3.AmazonS3Exception or HttpRequestException)
            {
                await stderr.WriteLineAsync($"prow: import-history: reading {options.Artifacts}: {ex.Message}");
                return 1;
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }

            foreach (var problem in result.Unreadable)
            {
                await stderr.WriteLineAsync($"prow: import-history: {problem}");
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {result.Imported} runs from {options.Artifacts} into {options.Storage.Path}; left out: {result.OlderThanSince} older than --since, {result.WithoutProwJob} without prowjob.json, {result.Unreadable.Count} unreadable"));
            return result.Unreadable.Count == 0 ? 0 : 1;
        }
    }

    private static bool TryParseSince(string value, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);
}
