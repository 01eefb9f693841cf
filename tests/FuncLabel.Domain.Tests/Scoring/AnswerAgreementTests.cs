using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Tests.Scoring;

public sealed class AnswerAgreementTests
{
    [Fact]
    public void Of_RadioSameOption_One() =>
        Assert.Equal(1.0, AnswerAgreement.Of(Radio("car"), Radio("car")));

    [Fact]
    public void Of_RadioOtherOption_Zero() =>
        Assert.Equal(0.0, AnswerAgreement.Of(Radio("car"), Radio("bus")));

    [Fact]
    public void Of_RadioSameOptionWrongFollowUp_HalfOfTwoQuestions()
    {
        // The option opens two questions; one answered alike, one not → mean 0.5.
        var gold = new RadioAnswer(new SelectedOption("car", Questions(("color", Text("red")), ("doors", Radio("four")))));
        var candidate = new RadioAnswer(new SelectedOption("car", Questions(("color", Text("red")), ("doors", Radio("two")))));

        Assert.Equal(0.5, AnswerAgreement.Of(gold, candidate));
    }

    [Fact]
    public void Of_ChecklistJaccard_SharedOverUnion()
    {
        // {a, b, c} vs {b, c, d}: 2 shared of 4.
        Assert.Equal(0.5, AnswerAgreement.Of(Checklist("a", "b", "c"), Checklist("b", "c", "d")));
        Assert.Equal(1.0 / 3, AnswerAgreement.Of(Checklist("a", "b"), Checklist("b", "c")), 1e-15);
        Assert.Equal(1.0, AnswerAgreement.Of(Checklist("a", "b"), Checklist("b", "a")));
        Assert.Equal(1.0, AnswerAgreement.Of(Checklist(), Checklist()));
        Assert.Equal(0.0, AnswerAgreement.Of(Checklist("a"), Checklist()));
    }

    [Theory]
    [InlineData("Main Street", "  Main Street\n", 1.0)]
    [InlineData("Main Street", "main street", 0.0)]
    [InlineData("Main Street", "Main  Street", 0.0)]
    public void Of_FreeText_ExactAfterTrimming(string gold, string candidate, double expected) =>
        Assert.Equal(expected, AnswerAgreement.Of(Text(gold), Text(candidate)));

    [Fact]
    public void Of_DifferentAnswerKinds_Zero() =>
        Assert.Equal(0.0, AnswerAgreement.Of(Text("car"), Radio("car")));

    [Fact]
    public void OfQuestions_QuestionAnsweredOnOneSideOnly_CountsZero()
    {
        ValueList<Classification> gold = Questions(("occluded", Radio("yes")), ("color", Text("red")));
        ValueList<Classification> candidate = Questions(("occluded", Radio("yes")), ("make", Text("Ford")));

        // occluded 1, color 0 (unanswered), make 0 (not in gold) → 1/3.
        Assert.Equal(1.0 / 3, AnswerAgreement.OfQuestions(gold, candidate), 1e-15);
        Assert.Equal(1.0, AnswerAgreement.OfQuestions(ValueList<Classification>.Empty, ValueList<Classification>.Empty));
    }

    internal static RadioAnswer Radio(string option) => new(new SelectedOption(option));

    internal static ChecklistAnswer Checklist(params string[] options) => new(options.Select(o => new SelectedOption(o)).ToValueList());

    internal static TextAnswer Text(string text) => new(text);

    internal static ValueList<Classification> Questions(params (string Question, ClassificationAnswer Answer)[] answers) =>
        answers.Select(a => new Classification(a.Question, a.Answer)).ToValueList();
}
