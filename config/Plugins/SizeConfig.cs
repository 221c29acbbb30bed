namespace Prow.Config.Plugins;

/// <summary>Thresholds (added + deleted lines) of the size labels, with Prow's defaults.</summary>
public sealed record SizeConfig(int S = 10, int M = 30, int L = 100, int Xl = 500, int Xxl = 1000);
