using Prow.Config.Plugins;

namespace Prow.Grains.Plugins.Size;

/// <summary>The size label for a count of changed lines: each threshold is the first count of the next size up.</summary>
public static class SizeBuckets
{
    public const string Prefix = "size/";

    public static readonly IReadOnlyList<string> All = ["size/XS", "size/S", "size/M", "size/L", "size/XL", "size/XXL"];

    public static string LabelFor(int changedLines, SizeConfig thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return changedLines < thresholds.S ? "size/XS"
            : changedLines < thresholds.M ? "size/S"
            : changedLines < thresholds.L ? "size/M"
            : changedLines < thresholds.Xl ? "size/L"
            : changedLines < thresholds.Xxl ? "size/XL"
            : "size/XXL";
    }
}
