using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>A logger provider that keeps every line the host logs (category, level, message, exception) for assertions.</summary>
internal sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> All => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    /// <summary>Polls until a line matches; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<LogLine> WaitForAsync(Func<LogLine, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (All.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("No matching log line; last lines:\n" + string.Join('\n', All.TakeLast(40)));
            }

            await Task.Delay(50);
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception));
    }
}

internal sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Category} {Level}: {Message}{(Exception is null ? "" : " | " + Exception)}";
}
