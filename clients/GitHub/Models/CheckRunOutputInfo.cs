namespace Prow.Clients.GitHub;

/// <summary>A check run's output as GitHub lists it: the annotations themselves are behind another call, their count is here.</summary>
public sealed record CheckRunOutputInfo
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public int AnnotationsCount { get; set; }
}
