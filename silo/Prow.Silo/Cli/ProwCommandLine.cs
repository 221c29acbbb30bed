using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Prow.Silo.Hosting;

namespace Prow.Silo.Cli;

/// <summary>
/// The <c>prow</c> command. <c>prow run</c> (also the default) starts everything in one process. Flag names follow
/// Prow's components so existing deployments read the same.
/// </summary>
public static class ProwCommandLine
{
    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            await stderr.WriteLineAsync($"prow: {parsed.Errors[0].Message} (see 'prow --help')");
            return 2;
        }

        // The host handles SIGTERM itself and shuts down gracefully; the command line must not cut it short.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, Output = stdout, Error = stderr });
    }

    internal static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (Kestrel URLs, ';'-separated).", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var storage = new Option<string>("--storage") { Description = "sqlite:PATH (the default, ./.prow/prow.db), memory:, or postgres: (several processes; see --storage-connection-file).", DefaultValueFactory = _ => StorageLocation.Default.ToString() };
        storage.Validators.Add(result =>
        {
            if (!StorageLocation.TryParse(result.GetValueOrDefault<string>() ?? "", out _, out var error))
            {
                result.AddError(error);
            }
        });
        var role = new Option<string>("--role") { Description = "all (one process: grains, /hook and the status site), gateway (/hook and the status site as an Orleans client, no grains) or worker (the grains and the jobs, no /hook); gateway and worker need --storage postgres:.", DefaultValueFactory = _ => "all" };
        role.AcceptOnlyFromAmong("all", "gateway", "worker");
        var storageConnectionFile = new Option<string?>("--storage-connection-file") { Description = "With --storage postgres:, a file holding the connection string (Host=...;Username=...;Password=...;Database=... or postgres://user:password@host:port/db)." };
        var advertiseAddress = new Option<string?>("--advertise-address") { Description = "The IP address other silos and gateways reach this process at (default: $POD_IP, else 127.0.0.1)." };
        advertiseAddress.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !System.Net.IPAddress.TryParse(value, out _))
            {
                result.AddError($"--advertise-address: '{value}' is not an IP address");
            }
        });
        var inboxLease = new Option<int>("--inbox-lease") { Description = "Seconds a pending webhook stays with the process handling it unless renewed; after that another process takes it (PostgreSQL).", DefaultValueFactory = _ => 30 };
        inboxLease.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3600)
            {
                result.AddError("--inbox-lease: between 1 and 3600 seconds");
            }
        });
        var configPath = new Option<string?>("--config-path") { Description = "Prow's config.yaml." };
        var jobConfigPath = new Option<string?>("--job-config-path") { Description = "A folder of job configs (*.yaml, *.yml, read recursively) or one file." };
        var pluginConfig = new Option<string?>("--plugin-config") { Description = "Prow's plugins.yaml." };
        var strict = new Option<bool>("--strict") { Description = "Treat warnings (unknown fields, ...) as errors." };
        var hmacSecretFile = new Option<string?>("--hmac-secret-file") { Description = "GitHub webhook secret: one token, or Prow's YAML of org/repo, org or * to tokens." };
        var githubEndpoint = new Option<string[]>("--github-endpoint") { Description = "GitHub API endpoint; repeat to fall back (e.g. ghproxy, then https://api.github.com).", AllowMultipleArgumentsPerToken = false };
        githubEndpoint.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    result.AddError($"--github-endpoint: '{value}' is not an http(s) URL");
                }
            }
        });
        var githubTokenPath = new Option<string?>("--github-token-path") { Description = "A file holding the GitHub token (re-read when it changes)." };
        var githubAppId = new Option<string?>("--github-app-id") { Description = "Authenticate as this GitHub App instead of with a token." };
        var githubAppPrivateKeyPath = new Option<string?>("--github-app-private-key-path") { Description = "The GitHub App's private key (PEM)." };
        var redeliverHook = new Option<string[]>("--redeliver-hook") { Description = "ORG=HOOK_ID or ORG/REPO=HOOK_ID: a webhook whose deliveries GitHub failed to make are asked again on start and every --redelivery-interval (the GitHub App's own webhook is, with --github-app-id); repeatable.", AllowMultipleArgumentsPerToken = false };
        redeliverHook.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!Prow.Clients.GitHub.WebhookSource.TryParse(value, out _))
                {
                    result.AddError($"--redeliver-hook: '{value}' is not ORG=HOOK_ID or ORG/REPO=HOOK_ID");
                }
            }
        });
        var redeliveryInterval = new Option<int>("--redelivery-interval") { Description = "Seconds between asking GitHub for webhooks it failed to deliver (after the look on start); 0 never asks.", DefaultValueFactory = _ => 300 };
        redeliveryInterval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 86400)
            {
                result.AddError("--redelivery-interval: between 0 and 86400 seconds");
            }
        });
        var artifacts = new Option<string>("--artifacts") { Description = "Where job artifacts (build logs, started.json, ...) are written: a folder, gs://bucket/prefix or s3://bucket/prefix.", DefaultValueFactory = _ => "./.prow/artifacts" };
        var gitBaseUrl = new Option<string>("--git-base-url") { Description = "Where the local build cluster clones repositories from: BASE/org/repo.git (a file:// BASE may hold org/repo without .git); a job's clone_uri wins.", DefaultValueFactory = _ => "https://github.com" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read from GitHub but do not write: writes are logged instead." };
        var adminTokenFile = new Option<string?>("--admin-token-file") { Description = "A file holding the admin API's bearer token; without it the admin API is closed." };
        var apiTokenFile = new Option<string?>("--api-token-file") { Description = "The jobs API's bearer tokens (POST /api/v1/jobs): one per line, IDENTITY:TOKEN or a bare token; without it the API refuses every call." };
        var githubOAuthConfigFile = new Option<string?>("--github-oauth-config-file") { Description = "Deck's GitHub OAuth app (client_id, client_secret); without it rerun and abort need allow_anyone." };
        var githubOAuthUrl = new Option<string>("--github-oauth-url") { Description = "Where GitHub's OAuth pages are (/login/oauth/...).", DefaultValueFactory = _ => "https://github.com" };
        var holdIngress = new Option<bool>("--hold-ingress") { Description = "Accept and store webhooks but do not handle them until restarted without this flag." };
        var kubeconfig = new Option<string[]>("--kubeconfig") { Description = "A kubeconfig file; repeat for more. Every context is a Kubernetes build cluster named after it.", AllowMultipleArgumentsPerToken = false };
        var inCluster = new Option<bool>("--in-cluster") { Description = "The cluster prow runs in (its service account) is a build cluster too, named in-cluster." };
        var defaultCluster = new Option<string?>("--default-cluster") { Description = "The context that jobs without cluster: (Prow's 'default') run on; otherwise a context named default, else the local cluster." };
        var clusterPool = new Option<string[]>("--cluster-pool") { Description = "NAME=a,b: a name jobs may use in cluster: that runs each job on the member that answers and has the most room; repeatable.", AllowMultipleArgumentsPerToken = false };
        clusterPool.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (ClusterPoolFlag.TryParse(value, out _, out _) is false)
                {
                    result.AddError($"--cluster-pool: '{value}' is not NAME=cluster,cluster");
                }
            }
        });
        var s3CredentialsFile = new Option<string?>("--s3-credentials-file") { Description = "For --artifacts s3://bucket/prefix: Prow's S3 credentials JSON (region, endpoint, insecure, s3_force_path_style, access_key, secret_key)." };
        var gcsCredentialsFile = new Option<string?>("--gcs-credentials-file") { Description = "For --artifacts gs://bucket/prefix: a service account key (JSON); without it, application default credentials." };
        var gcsEndpoint = new Option<string?>("--gcs-endpoint") { Description = "For --artifacts gs://...: the GCS JSON API's address, for an emulator (default: Google's)." };
        gcsEndpoint.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                result.AddError($"--gcs-endpoint: '{value}' is not an http(s) URL");
            }
        });
        var slackTokenFile = new Option<string?>("--slack-token-file") { Description = "A file holding the Slack bot token crier posts job reports with (slack_reporter_configs, reporter_config.slack)." };
        var slackEndpoint = new Option<string?>("--slack-endpoint") { Description = "Where Slack's Web API is (default: https://slack.com/)." };
        slackEndpoint.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                result.AddError($"--slack-endpoint: '{value}' is not an http(s) URL");
            }
        });
        var needsRebaseUpdatePeriod = new Option<string>("--needs-rebase-update-period") { Description = "How often the needs-rebase plugin looks at every open pull request of the repositories it is enabled for (Prow's needs-rebase --update-period); a Go duration.", DefaultValueFactory = _ => "24h" };
        needsRebaseUpdatePeriod.Validators.Add(result =>
        {
            if (!Prow.Config.GoDuration.TryParse(result.GetValueOrDefault<string>(), out var period) || period < TimeSpan.FromSeconds(1))
            {
                result.AddError($"--needs-rebase-update-period: '{result.GetValueOrDefault<string>()}' is not a duration of a second or more (e.g. 24h, 30m)");
            }
        });
        var siloPort = new Option<int?>("--silo-port") { Description = "Orleans' silo-to-silo port (default: a free one)." };
        var orleansGatewayPort = new Option<int?>("--orleans-gateway-port") { Description = "Orleans' client gateway port (default: a free one)." };
        foreach (var port in (Option<int?>[])[siloPort, orleansGatewayPort])
        {
            port.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is { } value and (< 1 or > 65535))
                {
                    result.AddError($"{result.Option.Name}: {value} is not a port (1-65535)");
                }
            });
        }

        var run = new Command("run", "Run the silo, the webhook gateway and the status site in one process (the default).");
        Option[] runOptions = [urls, role, storage, storageConnectionFile, advertiseAddress, inboxLease, configPath, jobConfigPath, pluginConfig, hmacSecretFile, githubEndpoint, githubTokenPath, githubAppId, githubAppPrivateKeyPath, redeliverHook, redeliveryInterval, dryRun, artifacts, gitBaseUrl, adminTokenFile, apiTokenFile, holdIngress, githubOAuthConfigFile, githubOAuthUrl, kubeconfig, inCluster, defaultCluster, clusterPool, s3CredentialsFile, gcsCredentialsFile, gcsEndpoint, slackTokenFile, slackEndpoint, needsRebaseUpdatePeriod, siloPort, orleansGatewayPort];
        var root = new RootCommand("Prow.Orleans: Prow's CI for GitHub, as virtual actors.");
        foreach (var option in runOptions)
        {
            run.Options.Add(option);
            root.Options.Add(option);
        }

        Func<ParseResult, CancellationToken, Task<int>> runAction = (parse, cancellationToken) =>
        {
            // Validated at parse time, so this parse succeeds.
            var location = StorageLocation.TryParse(parse.GetValue(storage)!, out var parsedLocation, out _) ? parsedLocation : StorageLocation.Default;
            return RunAsync(
                new ProwOptions
                {
                    Urls = parse.GetValue(urls)!,
                    Storage = location,
                    Role = Enum.Parse<ProwRole>(parse.GetValue(role)!, ignoreCase: true),
                    StorageConnectionFile = parse.GetValue(storageConnectionFile),
                    AdvertiseAddress = parse.GetValue(advertiseAddress) is { } address ? System.Net.IPAddress.Parse(address) : null,
                    InboxLease = TimeSpan.FromSeconds(parse.GetValue(inboxLease)),
                    ConfigPath = parse.GetValue(configPath),
                    JobConfigPath = parse.GetValue(jobConfigPath),
                    PluginConfig = parse.GetValue(pluginConfig),
                    HmacSecretFile = parse.GetValue(hmacSecretFile),
                    GitHubEndpoints = [.. (parse.GetValue(githubEndpoint) ?? []).Select(e => new Uri(e))],
                    GitHubTokenPath = parse.GetValue(githubTokenPath),
                    GitHubAppId = parse.GetValue(githubAppId),
                    GitHubAppPrivateKeyPath = parse.GetValue(githubAppPrivateKeyPath),
                    RedeliverHooks = [.. (parse.GetValue(redeliverHook) ?? []).Select(h => Prow.Clients.GitHub.WebhookSource.TryParse(h, out var source) ? source : throw new FormatException(h))],
                    RedeliveryInterval = TimeSpan.FromSeconds(parse.GetValue(redeliveryInterval)),
                    DryRun = parse.GetValue(dryRun),
                    Artifacts = parse.GetValue(artifacts)!,
                    GitBaseUrl = parse.GetValue(gitBaseUrl)!,
                    AdminTokenFile = parse.GetValue(adminTokenFile),
                    ApiTokenFile = parse.GetValue(apiTokenFile),
                    HoldIngress = parse.GetValue(holdIngress),
                    GitHubOAuthConfigFile = parse.GetValue(githubOAuthConfigFile),
                    GitHubOAuthUrl = new Uri(parse.GetValue(githubOAuthUrl)!),
                    Kubeconfigs = parse.GetValue(kubeconfig) ?? [],
                    InCluster = parse.GetValue(inCluster),
                    DefaultCluster = parse.GetValue(defaultCluster),
                    ClusterPools = ClusterPoolFlag.ParseAll(parse.GetValue(clusterPool) ?? []),
                    S3CredentialsFile = parse.GetValue(s3CredentialsFile),
                    GcsCredentialsFile = parse.GetValue(gcsCredentialsFile),
                    GcsEndpoint = parse.GetValue(gcsEndpoint) is { } endpoint ? new Uri(endpoint) : null,
                    SlackTokenFile = parse.GetValue(slackTokenFile),
                    SlackEndpoint = parse.GetValue(slackEndpoint) is { } slack ? new Uri(slack) : null,
                    SiloPort = parse.GetValue(siloPort),
                    OrleansGatewayPort = parse.GetValue(orleansGatewayPort),
                    NeedsRebaseUpdatePeriod = Prow.Config.GoDuration.Parse(parse.GetValue(needsRebaseUpdatePeriod)!),
                },
                stdout,
                stderr);
        };
        run.SetAction(runAction);
        root.SetAction(runAction);
        root.Subcommands.Add(run);

        var checkConfig = new Command("check-config", "Validate Prow configuration: exit 0 when valid, otherwise every problem as file:line: field: message.");
        foreach (var option in (Option[])[configPath, jobConfigPath, pluginConfig, strict, kubeconfig, inCluster, defaultCluster, clusterPool])
        {
            checkConfig.Options.Add(option);
        }

        checkConfig.SetAction(parse =>
        {
            var clusterOptions = new ProwOptions
            {
                Kubeconfigs = parse.GetValue(kubeconfig) ?? [],
                InCluster = parse.GetValue(inCluster),
                DefaultCluster = parse.GetValue(defaultCluster),
                ClusterPools = ClusterPoolFlag.ParseAll(parse.GetValue(clusterPool) ?? []),
            };
            IReadOnlyCollection<string>? known = null;
            if (clusterOptions.Kubeconfigs.Count > 0 || clusterOptions.InCluster || clusterOptions.ClusterPools.Count > 0)
            {
                try
                {
                    known = BuildClusterSetup.From(clusterOptions).KnownNames;
                }
                catch (StartupException ex)
                {
                    stderr.WriteLine($"prow: {ex.Message}");
                    return 1;
                }
            }

            return Config.ConfigCheck.Run(parse.GetValue(configPath), parse.GetValue(jobConfigPath), parse.GetValue(pluginConfig), parse.GetValue(strict), stdout, stderr, known, Grains.Plugins.Framework.PluginRegistration.Names, Grains.Plugins.Framework.PluginRegistration.LoadNotice);
        });
        root.Subcommands.Add(checkConfig);

        var db = new Command("db", "The database several prow processes share.");
        var migrate = new Command("migrate", "Apply this build's schema to the PostgreSQL database (prow run also does it on start).");
        migrate.Options.Add(storageConnectionFile);
        migrate.SetAction((parse, cancellationToken) => DatabaseCommands.MigrateAsync(parse.GetValue(storageConnectionFile), stdout, stderr, cancellationToken));
        db.Subcommands.Add(migrate);
        root.Subcommands.Add(db);
        root.Subcommands.Add(ImportHistoryCommand.Build(storage, gcsCredentialsFile, gcsEndpoint, s3CredentialsFile, stdout, stderr));
        root.Subcommands.Add(PhonyCommand.Build(stdout, stderr));
        root.Subcommands.Add(FakeGitHubCommand.Build(stdout, stderr));
        root.Subcommands.Add(MkpjCommand.Build(stdout, stderr));
        return root;
    }

    private static async Task<int> RunAsync(ProwOptions options, TextWriter stdout, TextWriter stderr)
    {
        WebApplication app;
        try
        {
            app = ProwHost.Build(options);
        }
        catch (StartupException ex)
        {
            await stderr.WriteLineAsync($"prow: {ex.Message}");
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException ex)
            {
                await stderr.WriteLineAsync($"prow: {ex.Message}");
                await app.StopAsync();
                return 1;
            }
            catch (Microsoft.AspNetCore.Connections.AddressInUseException ex)
            {
                // Kestrel's own port is an IOException above; this is one of the Orleans silo's ports.
                await stderr.WriteLineAsync($"prow: the Orleans silo cannot listen (--silo-port {options.SiloPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "free"}, --orleans-gateway-port {options.OrleansGatewayPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "free"}): {ex.Message}");

                // Nothing to stop: the silo never ran, and Orleans refuses to stop a silo that did not start.
                return 1;
            }

            await stdout.WriteLineAsync($"prow: listening on {string.Join(' ', app.Urls)} with storage {options.Storage}");
            await stdout.FlushAsync();
            await app.WaitForShutdownAsync();
        }

        return 0;
    }
}
