namespace Prow.Web.Logs;

/// <summary>A line as stored: where it starts, its length without the newline, its text (the start of it when <see cref="Cut"/>).</summary>
internal readonly record struct RawLogLine(long Offset, long Length, string Text, bool Cut)
{
    /// <summary>Where the next line starts.</summary>
    public long Next => Offset + Length + 1;
}
