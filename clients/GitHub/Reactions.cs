namespace Prow.Clients.GitHub;

/// <summary>The reaction contents GitHub accepts (its REST API's <c>content</c> values).</summary>
public static class Reactions
{
    public const string ThumbsUp = "+1";
    public const string ThumbsDown = "-1";
    public const string Laugh = "laugh";
    public const string Confused = "confused";
    public const string Heart = "heart";
    public const string Hooray = "hooray";
    public const string Rocket = "rocket";
    public const string Eyes = "eyes";
}
