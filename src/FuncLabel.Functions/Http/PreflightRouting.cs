using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace FuncLabel.Functions.Http;

/// <summary>
/// Lets CORS preflight requests reach the app's fallback function through the worker's endpoint routing. ASP.NET Core
/// routing matches a preflight (<c>OPTIONS</c> with <c>Access-Control-Request-Method</c>) only to endpoints that opt in
/// to preflight, and the worker builds its function endpoints without that option, so a preflight would be refused
/// with 405 before any function runs. This step, ahead of the worker's routing, sets the header aside for the duration
/// of routing; <see cref="HttpFunctionMiddleware"/> puts it back and answers the preflight from the allowed origins.
/// </summary>
internal sealed class PreflightRouting : IStartupFilter
{
    private const string StashKey = "FuncLabel.AccessControlRequestMethod";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var request = context.Request;
            if (HttpMethods.IsOptions(request.Method) && request.Headers.AccessControlRequestMethod.Count > 0)
            {
                context.Items[StashKey] = request.Headers.AccessControlRequestMethod.ToString();
                request.Headers.Remove("Access-Control-Request-Method");
            }

            return nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>True for a preflight request; puts its <c>Access-Control-Request-Method</c> header back if routing set it aside.</summary>
    public static bool RestorePreflight(HttpContext context)
    {
        if (context.Items.TryGetValue(StashKey, out var method) && method is string requested)
        {
            context.Request.Headers.AccessControlRequestMethod = requested;
        }

        return HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.AccessControlRequestMethod.Count > 0;
    }
}
