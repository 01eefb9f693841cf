using FuncLabel.Functions.Apis;

namespace FuncLabel.Functions.Hosting;

/// <summary>The middleware order and every route group.</summary>
public static class AppPipeline
{
    public static WebApplication UseFuncLabel(this WebApplication app)
    {
        app.UseMiddleware<InvocationLogScope>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapMetaApi();
        app.MapTriggerEndpoints(Declarations.Functions.All);
        return app;
    }
}
