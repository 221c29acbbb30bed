namespace Prow.Config.Plugins;

/// <summary>One named check of <c>invalid_commit_msg.checks</c>.</summary>
public sealed record InvalidCommitMsgCheck(string Name, bool Disabled);
