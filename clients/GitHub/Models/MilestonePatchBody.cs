using System.Text.Json.Serialization;

namespace Prow.Clients.GitHub;

/// <summary>An issue PATCH that sets its milestone, or clears it with an explicit null.</summary>
internal sealed record MilestonePatchBody([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Milestone);
