using System.Text;
using System.Text.Json;
using FuncLabel.Functions.Invocation;

namespace FuncLabel.Functions.Tests.Invocation;

/// <summary>
/// Payloads written by hand from docs/local-host.md, Invocation payload — the host's double-encoded form, the binary form
/// and the documentation's plain form — never produced by the project's own encoder.
/// </summary>
public sealed class InvocationPayloadTests
{
    private const string OrderJson = """{"orderId":42}""";

    [Fact]
    public void QueueMessage_DoubleEncodedString_IsUnwrapped()
    {
        var payload = Parse("""
            {
              "Data": { "myQueueItem": "\"{\\\"orderId\\\":42}\"" },
              "Metadata": {
                "DequeueCount": "1",
                "ExpirationTime": "2024-01-08T10:00:00+00:00",
                "Id": "\"9dd04384-d254-4124-8a17-dd4d18e357ef\"",
                "InsertionTime": "2024-01-01T10:00:00+00:00",
                "NextVisibleTime": "2024-01-01T10:10:00+00:00",
                "PopReceipt": "\"AgAAAAMAAAAAAAAAAgtnj8x+1QE=\"",
                "sys": { "MethodName": "ProcessOrder", "UtcNow": "2024-01-01T10:00:00.1234567Z", "RandGuid": "0f8fad5b-d9cb-469f-a165-70867728950e" }
              }
            }
            """);

        Assert.Equal(OrderJson, Encoding.UTF8.GetString(payload.GetMessageBytes("myQueueItem")));
        Assert.Equal("9dd04384-d254-4124-8a17-dd4d18e357ef", payload.GetMetadataString("Id"));
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", payload.GetMetadataString("PopReceipt"));
        Assert.Equal(1, payload.GetMetadataInt64("DequeueCount"));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero), payload.GetMetadataTime("InsertionTime"));
    }

    [Fact]
    public void QueueMessage_BinaryDataType_IsBase64Decoded()
    {
        var payload = Parse("""
            { "Data": { "myQueueItem": "eyJvcmRlcklkIjo0Mn0=" },
              "Metadata": { "DequeueCount": "3", "Id": "\"abc\"" } }
            """);

        Assert.Equal(OrderJson, Encoding.UTF8.GetString(payload.GetMessageBytes("myQueueItem")));
        Assert.Equal(3, payload.GetMetadataInt64("DequeueCount"));
    }

    [Fact]
    public void QueueMessage_DocumentationPlainForm_IsTakenAsIs()
    {
        var payload = Parse("""
            { "Data": { "myQueueItem": "{\"orderId\":42}" },
              "Metadata": { "DequeueCount": 1, "Id": "9dd04384-d254-4124-8a17-dd4d18e357ef" } }
            """);

        Assert.Equal(OrderJson, Encoding.UTF8.GetString(payload.GetMessageBytes("myQueueItem")));
        Assert.Equal(1, payload.GetMetadataInt64("DequeueCount"));
        Assert.Equal("9dd04384-d254-4124-8a17-dd4d18e357ef", payload.GetMetadataString("Id"));
    }

    [Fact]
    public void QueueMessage_DoubleEncodedPlainText_IsUnwrapped()
    {
        var payload = Parse("""{ "Data": { "q": "\"hello world\"" }, "Metadata": {} }""");

        Assert.Equal("hello world", Encoding.UTF8.GetString(payload.GetMessageBytes("q")));
    }

    [Fact]
    public void Timer_WithScheduleStatus_ReadsPastDueAndTimes()
    {
        var payload = Parse("""
            {
              "Data": { "myTimer": {
                  "Schedule": { "AdjustForDST": true },
                  "ScheduleStatus": { "Last": "2024-01-01T09:55:00+00:00", "Next": "2024-01-01T10:00:00+00:00", "LastUpdated": "2024-01-01T09:55:00+00:00" },
                  "IsPastDue": false } },
              "Metadata": { "sys": { "MethodName": "Cleanup", "UtcNow": "2024-01-01T10:00:00Z", "RandGuid": "0f8fad5b-d9cb-469f-a165-70867728950e" } }
            }
            """);

        var (pastDue, last, next) = payload.GetTimer("myTimer");

        Assert.False(pastDue);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 9, 55, 0, TimeSpan.Zero), last);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Timer_PastDueWithoutMonitor_HasNoTimes()
    {
        var payload = Parse("""
            { "Data": { "myTimer": { "Schedule": { "AdjustForDST": true }, "ScheduleStatus": null, "IsPastDue": true } },
              "Metadata": { "sys": { "MethodName": "Cleanup" } } }
            """);

        var (pastDue, last, next) = payload.GetTimer("myTimer");

        Assert.True(pastDue);
        Assert.Null(last);
        Assert.Null(next);
    }

    [Fact]
    public void Parse_WithoutData_IsRejected()
    {
        Assert.Throws<InvalidInvocationException>(() => Parse("""{ "Metadata": {} }"""));
    }

    private static InvocationPayload Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return InvocationPayload.Parse(document.RootElement.Clone());
    }
}
