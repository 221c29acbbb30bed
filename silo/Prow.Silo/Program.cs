using Prow.Silo.Cli;

return await ProwCommandLine.InvokeAsync(args, Console.Out, Console.Error);
