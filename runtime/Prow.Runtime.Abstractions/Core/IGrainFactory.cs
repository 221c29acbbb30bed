namespace Orleans;

/// <summary>Hands out references to grains. Never does I/O and never fails for a registered interface: the first call activates.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey;
}
