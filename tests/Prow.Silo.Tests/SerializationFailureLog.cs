using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Prow.Silo.Tests;

/// <summary>
/// What the silos log when Orleans' serializer throws. A one-way call that cannot be serialized fails only as a log
/// line on the sending silo ("Dropping message which failed during serialization"), so a test reads it here rather
/// than waiting for an effect that never comes.
/// </summary>
internal sealed class SerializationFailureLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _failures = new();

    public IReadOnlyList<string> Failures => [.. _failures];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(SerializationFailureLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel) && IsSerializationFailure(formatter(state, exception), exception))
            {
                log._failures.Enqueue($"{category}: {formatter(state, exception)}\n{exception}");
            }
        }

        // The serializer's own exceptions anywhere in the chain, or the line Orleans writes when it drops a message it
        // could not serialize (that one carries whatever a codec threw, so its type alone says nothing).
        private static bool IsSerializationFailure(string message, Exception? exception)
        {
            if (message.Contains("failed during serialization", StringComparison.Ordinal))
            {
                return true;
            }

            for (var current = exception; current is not null; current = current.InnerException)
            {
                if (current is Orleans.Serialization.SerializerException)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
