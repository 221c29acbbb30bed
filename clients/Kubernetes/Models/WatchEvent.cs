namespace Prow.Clients.Kubernetes.Models;

/// <summary>One line of a watch stream: ADDED, MODIFIED, DELETED or BOOKMARK (ERROR lines surface as exceptions).</summary>
public sealed record WatchEvent(string Type, Pod Pod)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
