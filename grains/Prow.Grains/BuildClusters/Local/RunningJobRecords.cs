using System.Text.Json;

namespace Prow.Grains.BuildClusters.Local;

/// <summary>
/// A file per running local job, written before the job's command runs and removed when its processes are gone: the
/// job's process group (its own session, see <see cref="JobProcess"/>) and when its leader started, and which prow
/// process ran it. A prow killed with SIGKILL leaves its jobs' groups running, re-parented to init; the next prow
/// finds their files and kills those groups (<see cref="KillLeftovers"/>), then ends the jobs as error, as Prow ends
/// the jobs of a build cluster whose pods are gone.
/// </summary>
public sealed class RunningJobRecords(string folder)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string Folder { get; } = folder;

    /// <summary>The records of the jobs run under the workspace root <paramref name="workspaceRoot"/>.</summary>
    public static RunningJobRecords ForWorkspaces(string workspaceRoot) => new(Path.Combine(workspaceRoot, ".running-jobs"));

    /// <summary>Records the group <paramref name="processGroupId"/> of <paramref name="jobId"/>, flushed to disk.</summary>
    public void Add(string jobId, int processGroupId)
    {
        Directory.CreateDirectory(Folder);
        var record = new RunningJobRecord(jobId, processGroupId, ProcessStat.StartTicks(processGroupId) ?? 0, Environment.ProcessId, ProcessStat.StartTicks(Environment.ProcessId) ?? 0, ProcessStat.BootId());
        var path = PathFor(jobId);
        using (var file = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, record, s_json);
            file.Flush(flushToDisk: true);
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }

    public void Remove(string jobId)
    {
        try
        {
            File.Delete(PathFor(jobId));
        }
        catch (IOException)
        {
            // Left behind, the record is found at the next start; its group is gone by then, or no longer ours.
        }
    }

    /// <summary>
    /// Kills the process groups of jobs whose prow is gone (not another prow sharing the folder, which still runs) and
    /// removes their records; returns the jobs whose groups still had processes.
    /// </summary>
    public IReadOnlyList<string> KillLeftovers()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var killed = new List<string>();
        var bootId = ProcessStat.BootId();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            RunningJobRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<RunningJobRecord>(File.ReadAllText(path), s_json);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                record = null;
            }

            if (record is not null && record.BootId == bootId && ProcessStat.StartTicks(record.OwnerProcessId) == record.OwnerStartTicks)
            {
                continue; // The prow that runs it is alive.
            }

            // After a reboot nothing of the group is left. A leader that started at another time is a new process that
            // reuses the id; while any member of the old group lives, Linux gives its id to no new process.
            if (record is not null && record.BootId == bootId
                && ProcessStat.StartTicks(record.ProcessGroupId) is var started && (started is null || started == record.StartTicks)
                && PosixSignals.SignalGroup(record.ProcessGroupId, PosixSignals.SigKill))
            {
                killed.Add(record.JobId);
            }

            File.Delete(path);
        }

        return killed;
    }

    private string PathFor(string jobId)
    {
        var safe = string.Concat(jobId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Folder, safe + ".json");
    }
}
