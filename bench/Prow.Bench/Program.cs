using Prow.Bench;

// dotnet run -c Release --project bench/Prow.Bench -- [runtime|ingress|hook|hook-postgres|hook-memory|unknown-ids|stalled-replay|jobs|kubernetes|owners|deck|metrics|tide|big-log [MB]|all]
var which = args.FirstOrDefault() ?? "all";
var folder = Directory.CreateTempSubdirectory("prow-bench-").FullName;
Console.WriteLine($"Prow.Orleans benchmarks: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
try
{
    if (which is "runtime" or "all")
    {
        await RuntimeBenchmarks.RunAsync();
    }

    if (which is "ingress" or "all")
    {
        await IngressBenchmarks.RunAsync(folder);
    }

    if (which is "hook" or "all")
    {
        await HookBenchmarks.RunAsync(folder);
    }

    if (which is "hook-memory" or "all")
    {
        await HookMemoryBenchmark.RunAsync(folder);
    }

    if (which is "unknown-ids" or "all")
    {
        await UnknownJobIdBenchmark.RunAsync(folder);
    }

    if (which is "stalled-replay" or "all")
    {
        await StalledGrainReplayBenchmark.RunAsync(folder);
    }

    if (which is "hook-postgres" or "all")
    {
        await PostgresHookBenchmarks.RunAsync(folder);
    }

    if (which is "jobs" or "all")
    {
        await JobBenchmarks.RunAsync(folder);
    }

    if (which is "kubernetes" or "all")
    {
        await KubernetesJobBenchmarks.RunAsync(folder);
    }

    if (which is "owners" or "all")
    {
        await OwnersBenchmarks.RunAsync();
    }

    if (which is "deck" or "all")
    {
        await DeckBenchmarks.RunAsync(folder);
    }

    if (which is "metrics")
    {
        // The deck benchmark's jobs, fewer: /metrics' prowjobs gauge over 100,000 jobs.
        await DeckBenchmarks.RunAsync(folder, 100_000);
    }

    if (which is "big-log" or "all")
    {
        await BigLogBenchmark.RunAsync(folder, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100);
    }

    if (which is "tide" or "all")
    {
        await TideBenchmarks.RunAsync(folder);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}
