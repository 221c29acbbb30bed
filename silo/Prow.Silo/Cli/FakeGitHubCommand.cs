using System.CommandLine;
using System.Runtime.InteropServices;
using Prow.FakeGitHub;

namespace Prow.Silo.Cli;

/// <summary>
/// <c>prow fake-github</c>: the tests' fake GitHub as a server on a loopback port, seeded with
/// <see cref="DemoGitHub"/> (a repository, a member and an open pull request, with git to clone it from), so prow
/// runs a presubmit end to end on a machine that cannot reach GitHub.
/// </summary>
internal static class FakeGitHubCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 to serve the API and the repositories' git on (0: a free one).", DefaultValueFactory = _ => 8081 };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError($"--port: {result.GetValueOrDefault<int>()} is not a port (0-65535)");
            }
        });
        var command = new Command("fake-github", $"Serve a fake GitHub on 127.0.0.1 holding {DemoGitHub.Repository} with pull request #{DemoGitHub.PullRequest}, for trying prow without GitHub.");
        command.Options.Add(port);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(port), stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var gitFolder = Directory.CreateTempSubdirectory("prow-fake-github-").FullName;
        try
        {
            FakeGitHubServer server;
            try
            {
                server = await FakeGitHubServer.StartAsync(port, gitFolder, cancellationToken: cancellationToken);
            }
            catch (IOException ex)
            {
                await stderr.WriteLineAsync($"prow fake-github: cannot listen on 127.0.0.1:{port}: {ex.Message}");
                return 1;
            }

            await using (server)
            {
                (string MainSha, string HeadSha) seeded;
                try
                {
                    seeded = DemoGitHub.Seed(server.State, gitFolder);
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    await stderr.WriteLineAsync($"prow fake-github: could not make the example repository (is git installed?): {ex.Message}");
                    return 1;
                }

                var address = server.BaseAddress.ToString().TrimEnd('/');
                await stdout.WriteLineAsync($"prow fake-github: serving {DemoGitHub.Repository} (main at {seeded.MainSha}, pull request #{DemoGitHub.PullRequest} by {DemoGitHub.Contributor} at {seeded.HeadSha}) on {address}");
                await stdout.WriteLineAsync($"prow fake-github: start prow with --github-endpoint {address} --git-base-url {address}");
                await stdout.FlushAsync(cancellationToken);
                await UntilStoppedAsync(cancellationToken);
            }

            return 0;
        }
        finally
        {
            Directory.Delete(gitFolder, recursive: true);
        }
    }

    private static async Task UntilStoppedAsync(CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }

        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        await stopped.Task.WaitAsync(cancellationToken);
    }
}
