namespace Prow.Services.History;

/// <summary>What <see cref="HistoryImporter"/> did: runs imported, and runs left out with the reason.</summary>
public sealed class HistoryImportResult
{
    public int Imported { get; set; }

    /// <summary>Runs that started before <c>--since</c>.</summary>
    public int OlderThanSince { get; set; }

    /// <summary>Build folders without a <c>prowjob.json</c> (written by Prow's crier since 2020; older runs have none).</summary>
    public int WithoutProwJob { get; set; }

    /// <summary>A <c>prowjob.json</c> that does not parse, with the file and the reason.</summary>
    public List<string> Unreadable { get; } = [];
}
