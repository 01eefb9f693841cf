using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Handler;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// Runs one queue or timer invocation end to end, as the host's <c>DefaultHttpWorkerService</c> does
/// (docs/local-host.md, Invocation payload, Handler response and outputs): wait for a ready handler,
/// <c>POST /{FunctionName}</c> with the JSON payload and the host headers, require a 2xx JSON answer, print its
/// <c>Logs</c> under the function's name, write its outputs, and log the outcome with the duration. Any failure — unreachable handler, non-2xx, malformed body,
/// timeout, unwritable output — fails the invocation; the caller (queue or timer listener) decides what that means.
/// </summary>
internal sealed class FunctionExecutor(
    HandlerProcess handler,
    HttpClient http,
    OutputWriter outputs,
    TimeSpan? functionTimeout,
    ILoggerFactory loggers) : IFunctionInvoker
{
    /// <summary>The version the local host reports in <c>X-Azure-Functions-HostVersion</c> and <c>User-Agent</c>.</summary>
    public const string HostVersion = "4.0.0-funclabel-local";

    private readonly ILogger _logger = loggers.CreateLogger("Host.Executor");

    public async Task<InvocationOutcome> ExecuteAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var name = request.Function.Name;
        _logger.LogInformation("Executing 'Functions.{Function}' (Reason='{Reason}', Id={Id})", name, request.Reason, request.Id);
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (functionTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        InvocationOutcome outcome;
        try
        {
            outcome = await InvokeAsync(request, clock, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            outcome = InvocationOutcome.Failed(InvocationFailure.Timeout, $"ran longer than functionTimeout {functionTimeout}", clock.Elapsed);
        }

        if (outcome.Succeeded)
        {
            _logger.LogInformation("Executed 'Functions.{Function}' (Succeeded, Id={Id}, Duration={Duration}ms)",
                name, request.Id, (long)outcome.Duration.TotalMilliseconds);
        }
        else
        {
            _logger.LogError("Executed 'Functions.{Function}' (Failed, Id={Id}, Duration={Duration}ms) {Failure}: {Detail}",
                name, request.Id, (long)outcome.Duration.TotalMilliseconds, outcome.Failure, outcome.Detail);
        }

        return outcome;
    }

    private async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, Stopwatch clock, CancellationToken cancellationToken)
    {
        var baseAddress = await handler.WaitReadyAsync(cancellationToken);
        var payload = new JsonObject { ["Data"] = request.Data.DeepClone(), ["Metadata"] = request.Metadata.DeepClone() };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, request.Function.Name))
        {
            Content = new StringContent(payload.ToJsonString(PayloadValue.Relaxed), Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("X-Azure-Functions-InvocationId", request.Id);
        message.Headers.Add("X-Azure-Functions-HostVersion", HostVersion);
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", HostVersion));

        string body;
        try
        {
            using var response = await http.SendAsync(message, cancellationToken);
            body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return InvocationOutcome.Failed(InvocationFailure.ErrorStatus,
                    $"the handler answered {(int)response.StatusCode} {Excerpt(body)}", clock.Elapsed);
            }
        }
        catch (HttpRequestException e)
        {
            return InvocationOutcome.Failed(InvocationFailure.HandlerUnreachable, e.Message, clock.Elapsed);
        }

        var parsed = HandlerResponse.Parse(body, out var problem);
        if (parsed is null)
        {
            return InvocationOutcome.Failed(InvocationFailure.MalformedResponse, $"{problem}: {Excerpt(body)}", clock.Elapsed);
        }

        var userLog = Loggers.For(request.Function.Name);
        foreach (var line in parsed.Logs)
        {
            userLog.LogInformation("{Line}", line);
        }

        var written = await outputs.WriteAsync(request, parsed, cancellationToken);
        return written is { } failure
            ? InvocationOutcome.Failed(InvocationFailure.OutputNotWritten, failure, clock.Elapsed)
            : InvocationOutcome.Success(clock.Elapsed);
    }

    private LoggerCache Loggers { get; } = new(loggers);

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";

    /// <summary>One logger per function (<c>Function.{Name}.User</c>), so handler log lines show which function wrote them.</summary>
    private sealed class LoggerCache(ILoggerFactory loggers)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ILogger> _byFunction = new();

        public ILogger For(string function) => _byFunction.GetOrAdd(function, f => loggers.CreateLogger($"Function.{f}.User"));
    }
}
