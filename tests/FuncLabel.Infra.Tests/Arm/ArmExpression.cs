using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FuncLabel.Infra.Tests.Arm;

/// <summary>A parsed ARM template expression: <c>[format('{0}/{1}', parameters('a'), variables('b').c[copyIndex()])]</c>.</summary>
internal abstract record ArmExpression
{
    /// <summary>
    /// Whether a template string is an expression: it starts with <c>[</c> and ends with <c>]</c>, unless it starts with
    /// <c>[[</c>, ARM's escape for a literal string that begins with a bracket.
    /// </summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && text[1] != '[';

    /// <summary>Parses the text between the outer brackets of an expression string.</summary>
    public static ArmExpression Parse(string text)
    {
        var parser = new Parser(text[1..^1]);
        var expression = parser.ParseExpression();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected text at {parser.Position} in {text}");
        }

        return expression;
    }

    internal sealed record Literal(JsonNode? Value) : ArmExpression;

    internal sealed record Call(string Function, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

    internal sealed record Member(ArmExpression Target, string Name) : ArmExpression;

    internal sealed record Index(ArmExpression Target, ArmExpression Key) : ArmExpression;

    /// <summary>Recursive descent over ARM's small grammar: calls, string and number literals, <c>.name</c> and <c>[index]</c>.</summary>
    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public ArmExpression ParseExpression()
        {
            SkipSpaces();
            var expression = ParsePrimary();
            while (true)
            {
                SkipSpaces();
                if (Take('.'))
                {
                    expression = new Member(expression, ReadIdentifier());
                }
                else if (Take('['))
                {
                    var key = ParseExpression();
                    Expect(']');
                    expression = new Index(expression, key);
                }
                else
                {
                    return expression;
                }
            }
        }

        private ArmExpression ParsePrimary()
        {
            if (AtEnd)
            {
                throw new FormatException($"Expression ends early: {text}");
            }

            var c = text[Position];
            if (c == '\'')
            {
                return new Literal(JsonValue.Create(ReadString()));
            }

            if (c == '-' || char.IsAsciiDigit(c))
            {
                var start = Position++;
                while (!AtEnd && char.IsAsciiDigit(text[Position]))
                {
                    Position++;
                }

                return new Literal(JsonValue.Create(long.Parse(text[start..Position], CultureInfo.InvariantCulture)));
            }

            var name = ReadIdentifier();
            SkipSpaces();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipSpaces();
            if (!Take(')'))
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpaces();
                }
                while (Take(','));

                Expect(')');
            }

            return new Call(name, arguments);
        }

        private string ReadString()
        {
            var value = new StringBuilder();
            Position++;
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException($"Unterminated string in {text}");
                }

                var c = text[Position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (!AtEnd && text[Position] == '\'')
                {
                    value.Append('\'');
                    Position++;
                }
                else
                {
                    return value.ToString();
                }
            }
        }

        private string ReadIdentifier()
        {
            SkipSpaces();
            var start = Position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] == '_'))
            {
                Position++;
            }

            return start == Position ? throw new FormatException($"Identifier expected at {start} in {text}") : text[start..Position];
        }

        private bool Take(char c)
        {
            if (!AtEnd && text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (!Take(c))
            {
                throw new FormatException($"'{c}' expected at {Position} in {text}");
            }
        }
    }
}
