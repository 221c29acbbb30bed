namespace Prow.Silo.Hosting;

/// <summary>Prow cannot start; the message is the one line the operator sees.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
