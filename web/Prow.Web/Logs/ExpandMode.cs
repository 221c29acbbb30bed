namespace Prow.Web.Logs;

/// <summary>How much of a skipped group to show: all of it (up to <see cref="BuildLogExpansion.AllBytesMax"/>), or <see cref="BuildLogExpansion.MoreLines"/> more from its top or bottom.</summary>
public enum ExpandMode
{
    All,
    Top,
    Bottom,
}
