namespace Prow.Clients.GitHub;

/// <summary>GitHub reports boolean protection settings as <c>{"enabled": true}</c>.</summary>
public sealed record EnabledSetting
{
    public bool Enabled { get; set; }
}
