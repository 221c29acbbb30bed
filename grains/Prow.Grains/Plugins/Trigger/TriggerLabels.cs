namespace Prow.Grains.Plugins.Trigger;

internal static class TriggerLabels
{
    public const string OkToTest = "ok-to-test";
    public const string NeedsOkToTest = "needs-ok-to-test";
}
