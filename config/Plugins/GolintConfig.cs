namespace Prow.Config.Plugins;

/// <summary>The <c>golint</c> section: the smallest confidence, in (0,1], a problem needs to be reported.</summary>
public sealed record GolintConfig(double? MinimumConfidence)
{
    /// <summary>golint's own default, which Prow keeps.</summary>
    public const double DefaultConfidence = 0.8;

    public double Confidence => MinimumConfidence ?? DefaultConfidence;
}
