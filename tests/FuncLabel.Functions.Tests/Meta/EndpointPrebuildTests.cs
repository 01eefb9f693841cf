using FuncLabel.Functions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>
/// <see cref="EndpointPrebuild"/>: requests are routed to the endpoints of the one route table the app builds ahead
/// of the first request, the same instances the app-wide route table (OpenAPI, link generation) holds. Without it the
/// routing middleware builds a second set of its own on the first request.
/// </summary>
public sealed class EndpointPrebuildTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task RequestsAreRoutedToTheEndpointsBuiltAhead()
    {
        var seen = new RoutedEndpoint();
        using var withProbe = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(seen)));
        using var client = withProbe.CreateClient();

        using var response = await client.GetAsync("/api/health");

        Assert.NotNull(seen.Endpoint);
        var built = withProbe.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.Contains(built, e => ReferenceEquals(e, seen.Endpoint));
    }

    /// <summary>Outermost middleware: after the pipeline ran, the endpoint routing chose is on the context.</summary>
    private sealed class RoutedEndpoint : IStartupFilter
    {
        public Endpoint? Endpoint { get; private set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, inner) =>
            {
                await inner(context);
                Endpoint = context.GetEndpoint();
            });
            next(builder);
        };
    }
}
