namespace Prow.Grains.BuildClusters.Local;

/// <summary>How a local run ended. The ProwJob layer maps these to Prow's states.</summary>
public enum LocalRunOutcome
{
    /// <summary>The command exited 0 (Prow: success).</summary>
    Succeeded,

    /// <summary>The command exited non-zero, or cloning the refs failed (Prow: failure).</summary>
    Failed,

    /// <summary>The run could not be set up: no command, the executable cannot start, the workspace cannot be made (Prow: error).</summary>
    Error,

    /// <summary>The command outlived its timeout and was stopped (Prow's entrypoint reports this as a failure).</summary>
    TimedOut,

    /// <summary>The caller cancelled the run (Prow: aborted).</summary>
    Aborted,
}
