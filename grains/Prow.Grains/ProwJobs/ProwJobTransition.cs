namespace Prow.Grains.ProwJobs;

/// <summary>A ProwJob's next state and the effects to carry out once it is persisted.</summary>
public sealed record ProwJobTransition(ProwJob Job, IReadOnlyList<ProwJobEffect> Effects)
{
    public bool Has(ProwJobEffect effect) => Effects.Contains(effect);
}
