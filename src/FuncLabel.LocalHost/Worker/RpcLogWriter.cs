using System.Collections.Concurrent;
using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Logs the worker's <c>RpcLog</c> messages readably: under <c>Function.&lt;Name&gt;</c> when the log belongs to a
/// running invocation, else <c>Host.Worker</c>; the RpcLog level as the log level; the message text and the exception
/// (type, message, stack) — never the raw JSON property bag. Framework chatter the worker forwards (its ASP.NET Core
/// request logs arrive tagged as user logs) is dropped up to Information, as the host's default filters do.
/// </summary>
internal sealed class RpcLogWriter(ILoggerFactory loggers)
{
    private static readonly string[] FrameworkCategories = ["Microsoft.", "System.", "Grpc.", "Azure."];
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public void Write(RpcLog log, string? functionName)
    {
        var level = Level(log.Level);
        if (level == LogLevel.None || (level <= LogLevel.Information && IsFramework(log.Category)))
        {
            return;
        }

        var category = functionName is null ? "Host.Worker" : $"Function.{functionName}";
        var logger = _loggers.GetOrAdd(category, loggers.CreateLogger);
        var exception = log.Exception is { } e && (e.Message.Length > 0 || e.StackTrace.Length > 0) ? new WorkerException(e) : null;
        logger.Log(level, default, exception, "{Message}", log.Message);
    }

    public static LogLevel Level(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => LogLevel.Trace,
        RpcLog.Types.Level.Debug => LogLevel.Debug,
        RpcLog.Types.Level.Information => LogLevel.Information,
        RpcLog.Types.Level.Warning => LogLevel.Warning,
        RpcLog.Types.Level.Error => LogLevel.Error,
        RpcLog.Types.Level.Critical => LogLevel.Critical,
        _ => LogLevel.None,
    };

    private static bool IsFramework(string category) =>
        FrameworkCategories.Any(prefix => category.StartsWith(prefix, StringComparison.Ordinal));
}

/// <summary>An exception the worker reported (<c>RpcException</c>), shown as the worker described it.</summary>
internal sealed class WorkerException(RpcException exception) : Exception(exception.Message)
{
    public string Type { get; } = exception.Type;

    public override string? StackTrace { get; } = exception.StackTrace;

    public override string ToString() =>
        $"{(Type.Length > 0 ? Type : "Exception")}: {Message}{(string.IsNullOrEmpty(StackTrace) ? "" : Environment.NewLine + StackTrace)}";
}
