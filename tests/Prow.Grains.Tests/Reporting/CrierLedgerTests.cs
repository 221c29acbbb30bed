using Prow.GrainInterfaces.ProwJobs;
using Prow.Grains.ProwJobs;
using Prow.Grains.Reporting;

namespace Prow.Grains.Tests.Reporting;

public sealed class CrierLedgerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private sealed class Reporter(string name, Func<ProwJob, bool>? filter = null) : IJobReporter
    {
        public string Name => name;

        public bool ShouldReport(ProwJob job) => filter?.Invoke(job) ?? true;

        public Task<ReportOutcome> ReportAsync(ProwJob job, CancellationToken cancellationToken) => Task.FromResult(ReportOutcome.Accepted);
    }

    private static readonly IJobReporter[] s_reporters = [new Reporter("status"), new Reporter("comment", j => j.Status.Complete)];

    private static ProwJob Triggered() => new()
    {
        Metadata = new ProwJobMetadata { Name = "j1" },
        Status = new ProwJobStatus { StartTime = s_now, State = ProwJobState.Triggered },
    };

    [Fact]
    public void EachReporter_OwesTheCurrentStateUntilItDeliveredExactlyThat()
    {
        var state = CrierLedger.Record(new CrierState(), Triggered());
        Assert.Equal(["status"], CrierLedger.Owed(state, s_reporters).Select(r => r.Name));

        state = CrierLedger.Done(state, "status", ProwJobState.Triggered);
        Assert.Empty(CrierLedger.Owed(state, s_reporters));

        var pending = ProwJobStateMachine.Start(Triggered(), "p", "1", null, s_now);
        state = CrierLedger.Record(state, pending);
        Assert.Equal(["status"], CrierLedger.Owed(state, s_reporters).Select(r => r.Name));
    }

    [Fact]
    public void ANewerState_SupersedesAnUndeliveredOne()
    {
        var pending = ProwJobStateMachine.Start(Triggered(), "p", "1", null, s_now);
        var failed = ProwJobStateMachine.Complete(pending, ProwJobState.Failure, "Job failed.", s_now);

        var state = CrierLedger.Record(CrierLedger.Record(new CrierState(), pending), failed);

        Assert.Equal(ProwJobState.Failure, state.Job!.Status.State);
        Assert.Equal(["status", "comment"], CrierLedger.Owed(state, s_reporters).Select(r => r.Name));
    }

    [Fact]
    public void AnOlderOrRepeatedState_IsIgnored_SoAReplayReportsNothingTwice()
    {
        var pending = ProwJobStateMachine.Start(Triggered(), "p", "1", null, s_now);
        var failed = ProwJobStateMachine.Complete(pending, ProwJobState.Failure, "Job failed.", s_now);
        var delivered = CrierLedger.Done(CrierLedger.Done(CrierLedger.Record(new CrierState(), failed), "status", ProwJobState.Failure), "comment", ProwJobState.Failure);

        Assert.Same(delivered, CrierLedger.Record(delivered, pending));
        Assert.Same(delivered, CrierLedger.Record(delivered, failed));
        Assert.Empty(CrierLedger.Owed(delivered, s_reporters));
    }
}
