using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Http.Converters;
using Microsoft.Extensions.Options;

namespace FuncLabel.Functions.Http;

/// <summary>
/// Binds <c>[FromBody]</c> parameters of HTTP functions with the API's JSON options (camelCase, snake_case enums,
/// compile-time contracts), instead of the ASP.NET Core extension's MVC model binding. A body that is missing, not
/// JSON, or not the parameter's shape is a 400 (415 for another content type), as the API answered before it ran on
/// the worker; the request limit's counting stream makes an oversized chunked body a 413 while it is read.
/// </summary>
internal sealed class JsonBodyConversion : IFromBodyConversionFeature
{
    public static JsonBodyConversion Instance { get; } = new();

    public async ValueTask<object?> ConvertAsync(FunctionContext context, Type targetType)
    {
        var http = context.GetHttpContext() ?? throw new InvalidOperationException("A [FromBody] parameter outside an HTTP function.");
        if (!http.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        object? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(http.Request.Body, targetType, options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"The body is not valid JSON for this request: {e.Message}", StatusCodes.Status400BadRequest, e);
        }

        return value ?? throw new BadHttpRequestException("A JSON body is required.", StatusCodes.Status400BadRequest);
    }
}
