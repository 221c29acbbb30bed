namespace Prow.Grains.BuildClusters.Local;

/// <summary>What <see cref="RunningJobRecords"/> keeps of one running job: its process group and the prow that started it.</summary>
internal sealed record RunningJobRecord(string JobId, int ProcessGroupId, long StartTicks, int OwnerProcessId, long OwnerStartTicks, string BootId);
