using Prow.Config;

namespace Prow.Services.Configuration;

/// <summary>The configuration in force. Grains read <see cref="Current"/> at the start of a turn and use that one snapshot throughout it.</summary>
public interface IConfigSource
{
    ConfigSnapshot Current { get; }
}
