using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>
/// Every <see cref="NdjsonErrorReason.WrongToolForClass"/> message names the class's tool (and the field or answer it
/// needs) and what the line has instead, so a user can fix the line from the message alone.
/// </summary>
public sealed class NdjsonWrongToolMessageTests
{
    private const string Head = """{"uuid":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","dataRow":{"id":"r"}""";

    public static TheoryData<string, string, string> Lines => new()
    {
        {
            ""","schemaId":"car","mask":{"instanceURI":"m.png","colorRGB":[1,1,1]}}""",
            "mask",
            "'car' is drawn with bbox, so the line needs 'bbox'; it has 'mask'."
        },
        {
            ""","name":"lane","polygon":[{"x":0,"y":0},{"x":4,"y":0},{"x":4,"y":4}]}""",
            "polygon",
            "'lane' is drawn with polyline, so the line needs 'line'; it has 'polygon'."
        },
        {
            ""","name":"person","point":{"x":1,"y":1}}""",
            "point",
            "'person' is drawn with entity, so the line needs 'location'; it has 'point'."
        },
        {
            ""","name":"car"}""",
            "",
            "'car' is drawn with bbox, so the line needs 'bbox'; it has no shape."
        },
        {
            ""","name":"road","answer":"wide"}""",
            "answer",
            "'road' is drawn with polygon, so the line needs 'polygon'; it has 'answer'."
        },
        {
            ""","name":"weather","line":[{"x":0,"y":0},{"x":4,"y":0}]}""",
            "line",
            "'weather' is a radio classification, so the line needs 'answer'; it has 'line'."
        },
        {
            ""","name":"weather","answer":{"name":"sunny"},"classifications":[{"name":"intensity","answer":{"name":"light"}}]}""",
            "classifications",
            "'weather' is a radio classification; its nested questions go under the chosen option, not in 'classifications' beside the answer."
        },
        {
            ""","name":"caption","answer":{"name":"x"}}""",
            "answer",
            "'caption' is a text question, so its answer is a string; the line gives an object."
        },
        {
            ""","name":"tags","answer":"a"}""",
            "answer",
            "'tags' is a checklist question, so its answer is an array of options; the line gives a string."
        },
        {
            ""","name":"weather","answer":[{"name":"sunny"}]}""",
            "answer",
            "'weather' is a radio question, so its answer is an object naming one option; the line gives an array."
        },
        {
            ""","name":"car","bbox":{"top":1,"left":1,"height":1,"width":1},"classifications":[{"name":"color"}]}""",
            "classifications[0].answer",
            "'color' is a radio question, so its answer is an object naming one option; the line gives none."
        },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Read_WrongTool_MessageNamesBothSides(string rest, string field, string message)
    {
        var error = await NdjsonTestReader.ReadErrorAsync(Head + rest);

        Assert.Equal(NdjsonErrorReason.WrongToolForClass, error.Reason);
        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }
}
