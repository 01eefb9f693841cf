using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// What the local host logged for one app: its own lines and the worker's (function invocations log under
/// <c>Function.&lt;Name&gt;</c>), the last <see cref="Capacity"/> of them, for tests that read a function's outcome lines.
/// </summary>
public sealed class HostLog : ILoggerProvider
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<Entry> _entries = new();
    private long _sequence;

    public sealed record Entry(long Sequence, string Category, LogLevel Level, string Message);

    /// <summary>Where the log is now: lines written later have a greater sequence.</summary>
    public long Mark => Interlocked.Read(ref _sequence);

    /// <summary>The lines of function <paramref name="function"/> written after <paramref name="since"/>.</summary>
    public IReadOnlyList<string> FunctionLines(string function, long since) =>
        _entries.Where(e => e.Sequence > since && e.Category == $"Function.{function}").Select(e => e.Message).ToList();

    /// <summary>Every line written after <paramref name="since"/>, oldest first.</summary>
    public IReadOnlyList<Entry> Since(long since) => _entries.Where(e => e.Sequence > since).ToList();

    /// <summary>Warnings and errors, oldest first (the last <paramref name="count"/>): what a failing test's output shows.</summary>
    public IReadOnlyList<string> Problems(int count) =>
        _entries.Where(e => e.Level >= LogLevel.Warning).TakeLast(count).Select(e => $"{e.Level} {e.Category}: {e.Message}").ToList();

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string category, LogLevel level, string message)
    {
        _entries.Enqueue(new Entry(Interlocked.Increment(ref _sequence), category, level, message));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Writer(HostLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log.Add(category, logLevel, formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception));
    }
}
