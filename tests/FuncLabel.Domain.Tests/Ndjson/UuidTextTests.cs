using System.Text;
using FsCheck.Xunit;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>The uuid forms a line may use, read from UTF-8 (the canonical form has its own fast path).</summary>
public sealed class UuidTextTests
{
    [Property(MaxTest = 2000)]
    public bool TryParse_CanonicalEitherCase_SameAsGuid(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var expected = new Guid(bytes);
        var text = expected.ToString("D");
        text = random.Next(3) switch { 0 => text, 1 => text.ToUpperInvariant(), _ => string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c)) };
        return UuidText.TryParse(Encoding.UTF8.GetBytes(text), out var parsed) && parsed == expected;
    }

    [Theory]
    [InlineData("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", true)]
    [InlineData("{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}", true)]
    [InlineData("a0eebc999c0b4ef8bb6d6bb9bd380a11", true)]
    [InlineData("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", true)]
    [InlineData("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g", false)]
    [InlineData("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", false)]
    [InlineData("a0eebc99+9c0b-4ef8-bb6d-6bb9bd380a11", false)]
    [InlineData(" a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", false)]
    public void TryParse_Forms(string text, bool valid)
    {
        var ok = UuidText.TryParse(Encoding.UTF8.GetBytes(text), out var parsed);

        Assert.Equal(valid, ok);
        if (valid)
        {
            Assert.Equal(Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), parsed);
        }
    }
}
