using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>A logger factory that keeps every message (level and text), for tests that assert what a host logs.</summary>
internal sealed class RecordingLoggers : ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("Records only.");

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<(LogLevel, string, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
