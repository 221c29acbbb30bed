namespace Prow.Services.Plugins;

/// <summary>One plugin's failure on one delivery: what the admin page lists.</summary>
public sealed record PluginFailure(DateTimeOffset At, string Plugin, string EventType, string? Action, string Repository, string DeliveryId, string Error);
