namespace Prow.GoTemplates.Execution;

/// <summary>A map's missing key: false in a condition, printed as Go prints it.</summary>
internal sealed class NoValue
{
    public static readonly NoValue Instance = new();

    private NoValue()
    {
    }

    public override string ToString() => "<no value>";
}
