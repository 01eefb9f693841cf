namespace FuncLabel.Functions.Hosting;

/// <summary>Puts the host's invocation id (or a fresh id for direct calls) in the log scope of every request.</summary>
public sealed class InvocationLogScope(RequestDelegate next, ILogger<InvocationLogScope> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers["X-Azure-Functions-InvocationId"].ToString();
        using (logger.BeginScope(new Dictionary<string, object>
               {
                   ["InvocationId"] = id.Length > 0 ? id : context.TraceIdentifier,
               }))
        {
            await next(context);
        }
    }
}
