using Microsoft.Extensions.Logging;

namespace Prow.Silo.Tests;

/// <summary>A logger that keeps every entry (level, message, exception) for a test to read.</summary>
internal sealed class CapturedLog : ILogger
{
    private readonly List<Entry> _lines = [];

    public IReadOnlyList<Entry> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            lock (_lines)
            {
                _lines.Add(new Entry(logLevel, formatter(state, exception), exception));
            }
        }
    }

    public sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    /// <summary>The same log, for a class that asks for an <see cref="ILogger{T}"/>.</summary>
    public sealed class Typed<T>(CapturedLog log) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => log.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Log(logLevel, eventId, state, exception, formatter);
    }
}
