using Xunit;
using static AmlRbac.Tests.Policy.RuleHarness;
using AmlRbac.Policy;


namespace AmlRbac.Tests.Policy;

/// <summary>Every template function AmlRbac supports, the expression syntax, and what it cannot evaluate.</summary>
public sealed class TemplateFunctionTests
{
    private const string Parameters = """{ "registry": "azureml", "models": ["m1", "m2"], "empty": [], "flag": true }""";
    private const string Request = """{ "type": "Microsoft.Test/things", "tags[*]": ["a", "b"] }""";

    [Theory]
    [InlineData("[parameters('registry')]", "azureml")]
    [InlineData("[concat('azureml://registries/', parameters('registry'), '/*')]", "azureml://registries/azureml/*")]
    [InlineData("[toLower('AbC')]", "abc")]
    [InlineData("[toUpper('AbC')]", "ABC")]
    [InlineData("[trim('  x ')]", "x")]
    [InlineData("[if(parameters('flag'), 'yes', 'no')]", "yes")]
    [InlineData("[if(not(parameters('flag')), 'yes', 'no')]", "no")]
    [InlineData("[replace('a-b-c', '-', '.')]", "a.b.c")]
    [InlineData("[substring('azureml-meta', 0, 7)]", "azureml")]
    [InlineData("[substring('registries', 8)]", "es")]
    [InlineData("[string(42)]", "42")]
    [InlineData("[first('abc')]", "a")]
    [InlineData("[last('abc')]", "c")]
    [InlineData("[first(parameters('models'))]", "m1")]
    [InlineData("[last(parameters('models'))]", "m2")]
    [InlineData("[field('type')]", "Microsoft.Test/things")]
    [InlineData("[field('missing')]", "")]
    [InlineData("[split('a/b', '/')[1]]", "b")]
    [InlineData("[parameters('models')[0]]", "m1")]
    [InlineData("[concat('it''s', '')]", "it's")]
    [InlineData("[[not an expression]", "[not an expression]")]
    [InlineData("plain text", "plain text")]
    public void Returns_text(string expression, string expected)
    {
        Assert.Equal(expected, Expression(expression, Parameters, Request));
    }

    [Theory]
    [InlineData("[empty(parameters('empty'))]", true)]
    [InlineData("[empty('')]", true)]
    [InlineData("[empty(parameters('models'))]", false)]
    [InlineData("[equals('a', 'a')]", true)]
    [InlineData("[equals('a', 'A')]", false)] // the function is case-sensitive, unlike the equals condition
    [InlineData("[contains('Azure', 'zu')]", true)]
    [InlineData("[contains('Azure', 'ZU')]", false)] // [STRFN]: the function's comparison is case-sensitive
    [InlineData("[contains(parameters('models'), 'm2')]", true)]
    [InlineData("[startsWith('Azure', 'az')]", true)] // [STRFN]: case-insensitive
    [InlineData("[endsWith('Azure', 'URE')]", true)]
    [InlineData("[and(true(), false())]", false)]
    [InlineData("[or(true(), false())]", true)]
    [InlineData("[not(false())]", true)]
    public void Returns_a_boolean(string expression, bool expected)
    {
        Assert.Equal(expected, Expression(expression, Parameters, Request));
    }

    [Theory]
    [InlineData("[length(parameters('models'))]", 2L)]
    [InlineData("[length('abc')]", 3L)]
    [InlineData("[length(field('tags[*]'))]", 2L)]
    [InlineData("[length(field('missing[*]'))]", 0L)]
    public void Returns_a_number(string expression, long expected)
    {
        Assert.Equal(expected, Expression(expression, Parameters, Request));
    }

    [Fact]
    public void Array_functions_return_arrays()
    {
        Assert.Equal(new object?[] { "m1", "m2", "x" }, (IEnumerable<object?>)Expression("[concat(parameters('models'), split('x', ','))]", Parameters)!);
        Assert.Equal(new object?[] { "a", "b", "c" }, (IEnumerable<object?>)Expression("[split('a,b;c', parameters('seps'))]", """{ "seps": [",", ";"] }""")!);
    }

    [Theory]
    [InlineData("[reference('x')]", "not available within a policy rule (Azure Policy definition structure, policy rule: https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule)")]
    [InlineData("[utcNow()]", "'utcNow' is not supported by AmlRbac")]
    [InlineData("[parameters('nope')]", "declares no parameter 'nope'")]
    [InlineData("[substring('abc', 2, 5)]", "out of range")]
    [InlineData("[concat('a', parameters('models'))]", "cannot mix strings and arrays")]
    [InlineData("[current('n')]", "names no enclosing count")]
    [InlineData("[toLower(parameters('models'))]", "expects a string")]
    [InlineData("[concat('a']", "cannot be parsed")]
    [InlineData("[concat('a' 'b')]", "cannot be parsed")]
    [InlineData("[registry]", "is not a function call")]
    public void What_cannot_be_evaluated_says_why(string expression, string reason)
    {
        var error = Assert.Throws<CannotEvaluateException>(() => Expression(expression, Parameters, Request));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_unsupported_function_in_a_condition_is_unknown_with_the_clause_text()
    {
        var result = Condition("""{ "value": "[utcNow()]", "greater": "2020-01-01" }""");

        Assert.Equal(Truth.Unknown, result.Truth);
        Assert.Equal("""{"value":"[utcNow()]","greater":"2020-01-01"}""", result.Clause.Text);
        Assert.Contains("'utcNow' is not supported by AmlRbac (it evaluates parameters, field, current, concat, toLower,", result.Clause.Detail);
    }
}
