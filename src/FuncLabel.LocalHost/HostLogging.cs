namespace FuncLabel.LocalHost;

/// <summary>
/// The local host's logging, shared by its HTTP front door, the worker's gRPC endpoint and everything else: one line per
/// entry with a UTC timestamp, framework categories at Warning and above. Tests add their own provider to read lines.
/// </summary>
internal static class HostLogging
{
    public static ILoggerFactory Create(Action<ILoggingBuilder>? configure) => LoggerFactory.Create(logging =>
    {
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Yarp", LogLevel.Warning);
        logging.AddFilter("Azure", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);
        configure?.Invoke(logging);
    });
}
