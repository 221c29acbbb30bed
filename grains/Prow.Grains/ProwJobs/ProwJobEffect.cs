namespace Prow.Grains.ProwJobs;

/// <summary>What a ProwJob's transition asks to be done once the new state is persisted; the grain does them in this order.</summary>
public enum ProwJobEffect
{
    /// <summary>Hand the new state to crier, which records the reports it owes and delivers them on its own.</summary>
    Report,

    /// <summary>Write <c>started.json</c>.</summary>
    WriteStarted,

    /// <summary>Write <c>finished.json</c> and <c>prowjob.json</c>.</summary>
    WriteFinished,

    /// <summary>Stop the run on its build cluster (delete the pod, kill the process).</summary>
    AbortRun,

    /// <summary>Give the job's slot back to its build cluster and its admission back to plank.</summary>
    ReleaseSlot,

    /// <summary>Leave the set of jobs a restart resumes. Comes after <see cref="Report"/>, so a crash in between resumes the job and hands its state to crier again.</summary>
    LeaveActiveSet,

    /// <summary>Tell tide's pool about the job.</summary>
    NotifyTide,

    /// <summary>Ask plank's admission, then the build cluster, for a slot.</summary>
    RequestSlot,

    /// <summary>Start the run on the build cluster.</summary>
    StartRun,
}
