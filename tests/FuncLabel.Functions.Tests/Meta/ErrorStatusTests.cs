using System.Net;
using FuncLabel.Data.Cosmos;
using FuncLabel.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>Which status an exception that escapes a handler becomes (problem details are written by the pipeline).</summary>
public sealed class ErrorStatusTests
{
    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public void TransientStoreFailure_Is503(HttpStatusCode status) =>
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ErrorStatus.For(new CosmosException("store", status, 0, "activity", 0)));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadRequest)]
    public void OtherStoreFailure_Is500(HttpStatusCode status) =>
        Assert.Equal(StatusCodes.Status500InternalServerError, ErrorStatus.For(new CosmosException("store", status, 0, "activity", 0)));

    [Fact]
    public void ContentionPastTheBound_Is409() =>
        Assert.Equal(StatusCodes.Status409Conflict, ErrorStatus.For(new AggregateException(new ConcurrentChangeException("work item", ConditionalUpdate.MaxRounds))));

    [Fact]
    public void OversizedBody_Keeps413() =>
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, ErrorStatus.For(new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge)));
}
