namespace Prow.Gateway.ExternalPlugins;

/// <summary>An external plugin did not take a forwarded delivery (refused, or did not answer).</summary>
public sealed class ExternalPluginException : Exception
{
    public ExternalPluginException()
    {
    }

    public ExternalPluginException(string message)
        : base(message)
    {
    }

    public ExternalPluginException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
