using Prow.Services.Artifacts;

namespace Prow.Web.Lenses;

/// <summary>Every file under a job's build folder, walked folder by folder, at most <see cref="FilesMax"/> of them.</summary>
public static class ArtifactTree
{
    public const int FilesMax = 2_000;

    public static async Task<IReadOnlyList<ArtifactFile>> ListAsync(IArtifactStore store, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var files = new List<ArtifactFile>();
        var pending = new Queue<string>([""]);
        while (pending.TryDequeue(out var relative) && files.Count < FilesMax)
        {
            var at = relative.Length == 0 ? folder : $"{folder}/{relative}";
            foreach (var name in await store.ListAsync(at, cancellationToken))
            {
                var child = relative.Length == 0 ? name : $"{relative}/{name}";
                if (await store.SizeAsync($"{folder}/{child}", cancellationToken) is { } size)
                {
                    files.Add(new ArtifactFile(child, size));
                }
                else
                {
                    pending.Enqueue(child);
                }
            }
        }

        return [.. files.Take(FilesMax).OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
