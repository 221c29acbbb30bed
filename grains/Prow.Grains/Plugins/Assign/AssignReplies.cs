namespace Prow.Grains.Plugins.Assign;

/// <summary>Why GitHub turned someone down, in a reply to whoever asked (the first sentence is Prow's).</summary>
internal static class AssignReplies
{
    public static string NotAssigned(string commenter, string org, IReadOnlyList<string> logins) =>
        $"@{commenter}: GitHub didn't allow me to assign the following users: {string.Join(", ", logins)}.\n\n"
        + $"Only [members of {org}](https://github.com/orgs/{org}/people), collaborators of this repository and people who have commented here can be assigned, and at most 10 people at a time.";

    public static string NotRequested(string commenter, string org, IReadOnlyList<string> logins) =>
        $"@{commenter}: GitHub didn't allow me to request PR reviews from the following users: {string.Join(", ", logins)}.\n\n"
        + $"Only [members of {org}](https://github.com/orgs/{org}/people) and collaborators of this repository can be asked to review, and authors cannot review their own pull requests.";
}
