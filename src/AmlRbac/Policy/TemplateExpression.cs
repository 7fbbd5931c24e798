using System.Globalization;
using System.Text;

namespace AmlRbac.Policy;

/// <summary>
/// The template-expression language of policy values ([RULE]: "Values can be literals, the values of parameters, or
/// the returned values of any supported template functions"; "All Resource Manager template functions are available").
/// Its syntax is ARM's ("Syntax and expressions in ARM templates",
/// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions [TEMPLATE-EXPR]): a string
/// that starts with "[" and ends with "]" is an expression, one starting "[[" is a literal without the first "[";
/// function calls <c>name(arg, ...)</c> with case-insensitive names, 'single-quoted' strings ('' is a quote),
/// integers, member access <c>.name</c> and indexing <c>[expr]</c>. Functions are in <see cref="TemplateFunctions"/>.
/// A syntax error, like any value that cannot be told, raises <see cref="CannotEvaluateException"/>.
/// </summary>
internal static class TemplateExpression
{
    /// <summary>A JSON string as the rule means it: an expression's value, an escaped literal, or itself.</summary>
    public static object? Resolve(string text, RuleContext context)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text[1..];
        }
        if (text.Length < 2 || text[0] != '[' || text[^1] != ']')
        {
            return text;
        }
        var parser = new Parser(text[1..^1], text);
        var node = parser.ParseWhole();
        return node.Evaluate(context);
    }

    /// <summary>A JSON value from the rule: strings may be expressions; other values are literals.</summary>
    public static object? Resolve(object? value, RuleContext context) => value is string text ? Resolve(text, context) : value;

    internal abstract record Node
    {
        public abstract object? Evaluate(RuleContext context);
    }

    private sealed record Literal(object? Value) : Node
    {
        public override object? Evaluate(RuleContext context) => Value;
    }

    internal sealed record Call(string Name, IReadOnlyList<Node> Arguments) : Node
    {
        public override object? Evaluate(RuleContext context) => TemplateFunctions.Invoke(this, context);
    }

    private sealed record Member(Node Target, string Name) : Node
    {
        public override object? Evaluate(RuleContext context) =>
            Target.Evaluate(context) is IReadOnlyDictionary<string, object?> fields && fields.TryGetValue(Name, out var value)
                ? value
                : throw new CannotEvaluateException($"the value has no property '{Name}'.");
    }

    private sealed record Index(Node Target, Node Key) : Node
    {
        public override object? Evaluate(RuleContext context)
        {
            var target = Target.Evaluate(context);
            var key = Key.Evaluate(context);
            if (PolicyValues.IsList(target, out var items) && PolicyValues.TryNumber(key, out var number))
            {
                var at = (int)number;
                return at >= 0 && at < items.Count ? items[at] : throw new CannotEvaluateException($"index {at} is outside the array of {items.Count}.");
            }
            if (target is IReadOnlyDictionary<string, object?> fields && key is string name && fields.TryGetValue(name, out var value))
            {
                return value;
            }
            throw new CannotEvaluateException($"cannot index {PolicyValues.Show(target)} with {PolicyValues.Show(key)}.");
        }
    }

    private sealed class Parser
    {
        private readonly string _text;
        private readonly string _original;
        private int _at;

        public Parser(string text, string original)
        {
            _text = text;
            _original = original;
        }

        public Node ParseWhole()
        {
            var node = ParsePostfix();
            SkipSpace();
            return _at == _text.Length ? node : throw Error("unexpected text");
        }

        private Node ParsePostfix()
        {
            var node = ParsePrimary();
            while (true)
            {
                SkipSpace();
                if (Take('.'))
                {
                    node = new Member(node, ReadIdentifier());
                }
                else if (Take('['))
                {
                    var key = ParsePostfix();
                    Expect(']');
                    node = new Index(node, key);
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParsePrimary()
        {
            SkipSpace();
            if (_at >= _text.Length)
            {
                throw Error("an expression is missing");
            }
            var c = _text[_at];
            if (c == '\'')
            {
                return new Literal(ReadString());
            }
            if (char.IsDigit(c) || c == '-')
            {
                return new Literal(ReadInteger());
            }
            var name = ReadIdentifier();
            SkipSpace();
            if (!Take('('))
            {
                throw Error($"'{name}' is not a function call");
            }
            var arguments = new List<Node>();
            SkipSpace();
            if (!Take(')'))
            {
                do
                {
                    arguments.Add(ParsePostfix());
                    SkipSpace();
                }
                while (Take(','));
                Expect(')');
            }
            return new Call(name, arguments);
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            _at++;
            while (_at < _text.Length)
            {
                var c = _text[_at++];
                if (c != '\'')
                {
                    builder.Append(c);
                }
                else if (_at < _text.Length && _text[_at] == '\'')
                {
                    builder.Append('\'');
                    _at++;
                }
                else
                {
                    return builder.ToString();
                }
            }
            throw Error("a string is not closed");
        }

        private long ReadInteger()
        {
            var start = _at;
            _at++;
            while (_at < _text.Length && char.IsDigit(_text[_at]))
            {
                _at++;
            }
            return long.TryParse(_text.AsSpan(start, _at - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error("a number is not valid");
        }

        private string ReadIdentifier()
        {
            SkipSpace();
            var start = _at;
            while (_at < _text.Length && (char.IsLetterOrDigit(_text[_at]) || _text[_at] == '_'))
            {
                _at++;
            }
            return _at > start ? _text[start.._at] : throw Error("a name is expected");
        }

        private void SkipSpace()
        {
            while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
            {
                _at++;
            }
        }

        private bool Take(char c)
        {
            if (_at < _text.Length && _text[_at] == c)
            {
                _at++;
                return true;
            }
            return false;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!Take(c))
            {
                throw Error($"'{c}' is expected");
            }
        }

        private CannotEvaluateException Error(string problem) =>
            new($"the expression {_original} cannot be parsed: {problem} at character {_at + 2}.");
    }
}
