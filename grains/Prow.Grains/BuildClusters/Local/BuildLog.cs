using System.Text;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// build-log.txt: the clone log, the command's output and the runner's own notes, in the order they happen.
/// Writers may be concurrent (output pump and runner), so writes are serialized; each write is flushed so the log can be tailed.
/// </summary>
internal sealed class BuildLog : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private BuildLog(FileStream stream) => _stream = stream;

    public static BuildLog Create(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new BuildLog(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true));
    }

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _gate.WaitAsync();
        try
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes text, ending it with a newline if it does not end with one.</summary>
    public Task WriteTextAsync(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            text += "\n";
        }

        return WriteAsync(Encoding.UTF8.GetBytes(text));
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await _stream.DisposeAsync();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }
}
