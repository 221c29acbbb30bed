using Prow.Silo.Cli;

// Grain turns do short synchronous I/O (SQLite reads); a few more ready threads keep a burst from waiting on thread injection.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);

return await ProwCommandLine.InvokeAsync(args, Console.Out, Console.Error);
